package io.sagesync.adapter.sqs;

import io.sagesync.port.DeadLetters;
import io.sagesync.port.InfrastructureException;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Redrive from the sync dead-letter queue (FIFO) back to the sync queue: each job is sent (same body and message
 * group, a fresh deduplication id) before it is deleted, so a crash in between duplicates a job, which the run's
 * state and the cross-references absorb, and never loses one.
 */
public final class SqsDeadLetters implements DeadLetters {
    private final SqsClient sqs;
    private final String deadLetterQueueUrl;
    private final String syncQueueUrl;

    public SqsDeadLetters(SqsClient sqs, String deadLetterQueueUrl, String syncQueueUrl) {
        this.sqs = sqs;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
        this.syncQueueUrl = syncQueueUrl;
    }

    @Override
    public int waiting() {
        try {
            String n = sqs.getQueueAttributes(b -> b.queueUrl(deadLetterQueueUrl)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
            return n == null ? 0 : Integer.parseInt(n);
        } catch (SdkException e) {
            throw new InfrastructureException("dead-letter queue unavailable", e);
        }
    }

    @Override
    public int redrive(int max) {
        int moved = 0;
        try {
            while (moved < max) {
                var batch = sqs.receiveMessage(b -> b.queueUrl(deadLetterQueueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(0).visibilityTimeout(60)
                        .messageSystemAttributeNamesWithStrings(MessageSystemAttributeName.MESSAGE_GROUP_ID.toString()))
                        .messages();
                if (batch.isEmpty()) {
                    return moved;
                }
                for (Message m : batch) {
                    String group = m.attributesAsStrings().getOrDefault(
                            MessageSystemAttributeName.MESSAGE_GROUP_ID.toString(), "redrive");
                    sqs.sendMessage(b -> b.queueUrl(syncQueueUrl).messageBody(m.body()).messageGroupId(group)
                            .messageDeduplicationId("redrive-" + UUID.randomUUID()));
                    sqs.deleteMessage(b -> b.queueUrl(deadLetterQueueUrl).receiptHandle(m.receiptHandle()));
                    moved++;
                }
            }
            return moved;
        } catch (SdkException e) {
            throw new InfrastructureException("dead-letter redrive interrupted after " + moved + " jobs", e);
        }
    }
}
