package io.sagesync.adapter.sqs;

import io.sagesync.domain.PushJob;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.PushQueue;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * The standard (not FIFO) push queue. Pushes need no ordering from SQS: Magento overwrites the mirror row and each
 * update carries its own {@code last_sync_at}; per-message visibility changes give each failed push its own backoff,
 * which a FIFO group would serialise behind the oldest failure.
 */
public final class SqsPushQueue implements PushQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsPushQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(PushJob job) {
        try {
            sqs.sendMessage(SendMessageRequest.builder()
                    .queueUrl(queueUrl)
                    .messageBody(PushJobJson.write(job))
                    .build());
        } catch (SdkException e) {
            throw new InfrastructureException("push queue unavailable", e);
        }
    }
}
