package io.sagesync.push;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.sagesync.testkit.LocalAws;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Plays Lambda's SQS event source against ElasticMQ: receives from a queue, hands the messages to the handler as an
 * {@link SQSEvent}, deletes the ones the handler did not report as failures, and leaves the failed ones (with the
 * visibility the handler set) on the queue.
 */
final class PushQueueDriver {
    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;

    PushQueueDriver(LocalAws aws, String logicalId) {
        this.sqs = aws.adminClients().sqs();
        this.queueUrl = aws.queueUrl(logicalId);
        this.queueArn = arn(sqs, queueUrl);
    }

    static String arn(SqsClient sqs, String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    String queueArn() {
        return queueArn;
    }

    /** Messages currently visible, received once (their receive count goes up), without deleting them. */
    List<Message> receive() {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
    }

    /** One Lambda invocation over whatever is visible now; returns the handler's response. */
    SQSBatchResponse invoke(SyncStatePushHandler handler) {
        return invoke(handler, receive());
    }

    SQSBatchResponse invoke(SyncStatePushHandler handler, List<Message> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(this::toRecord).toList());
        SQSBatchResponse response = handler.handleRequest(event, null);
        List<String> failed = response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
        for (Message m : messages) {
            if (!failed.contains(m.messageId())) {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        return response;
    }

    /** Makes a delayed message visible again at once, as if its backoff had elapsed. */
    void expireBackoff(Message m) {
        sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
    }

    private SQSEvent.SQSMessage toRecord(Message m) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(m.messageId());
        record.setReceiptHandle(m.receiptHandle());
        record.setBody(m.body());
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(queueArn);
        record.setAttributes(Map.of("ApproximateReceiveCount",
                m.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1")));
        return record;
    }
}
