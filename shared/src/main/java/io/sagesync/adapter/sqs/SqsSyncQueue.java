package io.sagesync.adapter.sqs;

import io.sagesync.domain.SyncJob;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.SyncQueue;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * The FIFO sync queue. Message group = tenant, so Lambda hands one tenant's jobs to one worker at a time (Sage asks
 * integrators not to run parallel creates against a business). De-duplication id = run id + enqueue count: a retried
 * webhook that re-sends the same enqueue within SQS's 5-minute window is dropped by SQS, while a deliberate re-queue
 * (re-fire of a failed run) gets a new id.
 */
public final class SqsSyncQueue implements SyncQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsSyncQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(SyncJob job) {
        try {
            sqs.sendMessage(SendMessageRequest.builder()
                    .queueUrl(queueUrl)
                    .messageBody(SyncJobJson.write(job))
                    .messageGroupId(job.tenantId())
                    .messageDeduplicationId(job.runId() + "-" + job.enqueueCount())
                    .build());
        } catch (SdkException e) {
            throw new InfrastructureException("sync queue unavailable", e);
        }
    }
}
