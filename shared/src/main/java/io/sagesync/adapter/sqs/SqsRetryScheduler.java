package io.sagesync.adapter.sqs;

import io.sagesync.domain.SyncJob;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.RetryScheduler;
import io.sagesync.retry.QueueLimits;
import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Delayed retries through the standard RetryQueue (FIFO queues have no per-message DelaySeconds) and dead letters
 * into the FIFO SyncDeadLetterQueue, whose redrive sends jobs back to the SyncQueue.
 */
public final class SqsRetryScheduler implements RetryScheduler {
    private final SqsClient sqs;
    private final String retryQueueUrl;
    private final String deadLetterQueueUrl;

    public SqsRetryScheduler(SqsClient sqs, String retryQueueUrl, String deadLetterQueueUrl) {
        this.sqs = sqs;
        this.retryQueueUrl = retryQueueUrl;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    @Override
    public void retryLater(SyncJob job, Duration delay) {
        int seconds = (int) QueueLimits.clampSeconds(delay, QueueLimits.MAX_DELAY);
        send(SendMessageRequest.builder().queueUrl(retryQueueUrl).messageBody(SyncJobJson.write(job))
                .delaySeconds(seconds).build(), "retry queue");
    }

    @Override
    public void deadLetter(SyncJob job) {
        send(SendMessageRequest.builder().queueUrl(deadLetterQueueUrl).messageBody(SyncJobJson.write(job))
                .messageGroupId(job.tenantId())
                .messageDeduplicationId(job.runId() + "-" + job.enqueueCount() + "-dlq")
                .build(), "dead-letter queue");
    }

    private void send(SendMessageRequest request, String what) {
        try {
            sqs.sendMessage(request);
        } catch (SdkException e) {
            throw new InfrastructureException(what + " unavailable", e);
        }
    }
}
