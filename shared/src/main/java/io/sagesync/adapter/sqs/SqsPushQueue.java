package io.sagesync.adapter.sqs;

import io.sagesync.domain.PushJob;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.PushQueue;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** The standard push queue: order does not matter because Magento keeps the last row written per entity. */
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
            sqs.sendMessage(SendMessageRequest.builder().queueUrl(queueUrl).messageBody(PushJobJson.write(job))
                    .build());
        } catch (SdkException e) {
            throw new InfrastructureException("push queue unavailable", e);
        }
    }
}
