package io.sagesync.adapter.sqs;

import io.sagesync.log.JsonLog;
import io.sagesync.port.MessageDelay;
import io.sagesync.retry.QueueLimits;
import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;

/** {@link MessageDelay} through SQS ChangeMessageVisibility on the queue the message came from. */
public final class SqsMessageDelay implements MessageDelay {
    private static final JsonLog LOG = JsonLog.of(SqsMessageDelay.class);

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsMessageDelay(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void delay(String receiptHandle, Duration delay) {
        long seconds = QueueLimits.clampSeconds(delay, QueueLimits.MAX_VISIBILITY);
        try {
            sqs.changeMessageVisibility(ChangeMessageVisibilityRequest.builder()
                    .queueUrl(queueUrl)
                    .receiptHandle(receiptHandle)
                    .visibilityTimeout((int) seconds)
                    .build());
        } catch (SdkException e) {
            // the message still returns after the queue's own visibility timeout; only the backoff shape is lost
            LOG.warn("could not delay message", "error", e.getClass().getSimpleName());
        }
    }
}
