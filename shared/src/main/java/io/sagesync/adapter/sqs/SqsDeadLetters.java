package io.sagesync.adapter.sqs;

import io.sagesync.domain.SyncJob;
import io.sagesync.port.DeadLetters;
import io.sagesync.port.InfrastructureException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    @Override
    public List<SyncJob> head() {
        List<Message> batch = receiveHead();
        try {
            List<SyncJob> jobs = new ArrayList<>();
            for (Message m : batch) {
                job(m).ifPresent(jobs::add);
            }
            return jobs;
        } finally {
            release(batch);
        }
    }

    @Override
    public int redriveRun(String runId) {
        List<Message> batch = receiveHead();
        List<Message> others = new ArrayList<>();
        int moved = 0;
        try {
            for (Message m : batch) {
                if (job(m).map(j -> j.runId().equals(runId)).orElse(false)) {
                    move(m);
                    moved++;
                } else {
                    others.add(m);
                }
            }
            return moved;
        } catch (SdkException e) {
            throw new InfrastructureException("dead-letter redrive of run " + runId + " interrupted", e);
        } finally {
            release(others);
        }
    }

    /** The group's head, made invisible to others for a moment (released at once by the callers). */
    private List<Message> receiveHead() {
        try {
            return sqs.receiveMessage(b -> b.queueUrl(deadLetterQueueUrl).maxNumberOfMessages(HEAD)
                    .waitTimeSeconds(0).visibilityTimeout(30)
                    .messageSystemAttributeNamesWithStrings(MessageSystemAttributeName.MESSAGE_GROUP_ID.toString()))
                    .messages();
        } catch (SdkException e) {
            throw new InfrastructureException("dead-letter queue unavailable", e);
        }
    }

    private void move(Message m) {
        String group = m.attributesAsStrings().getOrDefault(
                MessageSystemAttributeName.MESSAGE_GROUP_ID.toString(), "redrive");
        sqs.sendMessage(b -> b.queueUrl(syncQueueUrl).messageBody(m.body()).messageGroupId(group)
                .messageDeduplicationId("redrive-" + UUID.randomUUID()));
        sqs.deleteMessage(b -> b.queueUrl(deadLetterQueueUrl).receiptHandle(m.receiptHandle()));
    }

    /** Visible again now, not after the 30 s: best effort, the timeout releases them anyway. */
    private void release(List<Message> messages) {
        for (Message m : messages) {
            try {
                sqs.changeMessageVisibility(b -> b.queueUrl(deadLetterQueueUrl).receiptHandle(m.receiptHandle())
                        .visibilityTimeout(0));
            } catch (SdkException ignored) {
                // visible again when the 30 s pass
            }
        }
    }

    private static Optional<SyncJob> job(Message m) {
        try {
            return Optional.of(SyncJobJson.read(m.body()));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
