package io.sagesync.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.sagesync.log.Log;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A Lambda SQS event-source mapping, locally: long-polls a queue, hands batches (up to the mapping's BatchSize) to
 * the handler as an {@link SQSEvent}, and deletes only the messages not reported in {@code batchItemFailures}
 * ({@code ReportBatchItemFailures}). Failed messages become visible again after their visibility timeout, and the
 * queue's redrive policy moves them to the DLQ after maxReceiveCount receives, as in AWS.
 */
final class SqsEventSource implements AutoCloseable {
    private static final Log LOG = Log.of(SqsEventSource.class);

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final String functionName;
    private final int batchSize;
    private final int timeoutMillis;
    private final Thread thread;
    private volatile boolean running = true;

    SqsEventSource(SqsClient sqs, String queueUrl, RequestHandler<SQSEvent, SQSBatchResponse> handler,
                   String functionName) {
        this(sqs, queueUrl, handler, functionName, 10, 60_000);
    }

    /**
     * @param batchSize     the mapping's BatchSize in template.yaml (the sync FIFO queue: 10)
     * @param timeoutMillis the function's Timeout in template.yaml: what the handler's context says is left
     */
    SqsEventSource(SqsClient sqs, String queueUrl, RequestHandler<SQSEvent, SQSBatchResponse> handler,
                   String functionName, int batchSize, int timeoutMillis) {
        this.batchSize = batchSize;
        this.timeoutMillis = timeoutMillis;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        this.handler = handler;
        this.functionName = functionName;
        this.thread = Thread.ofPlatform().name("esm-" + functionName).daemon(true).start(this::poll);
    }

    private void poll() {
        while (running) {
            try {
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(batchSize)
                        .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All")).messages();
                if (!messages.isEmpty()) {
                    deliver(messages);
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("event source poll failed", "function", functionName, "exception",
                            e.getClass().getSimpleName());
                    sleep(500);
                }
            }
        }
    }

    private void deliver(List<Message> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(this::record).toList());
        Set<String> failed;
        try {
            SQSBatchResponse response = handler.handleRequest(event, new LocalContext(functionName, timeoutMillis));
            failed = response == null || response.getBatchItemFailures() == null ? Set.of()
                    : response.getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
        } catch (RuntimeException e) {
            // an escaped exception fails the whole batch, as Lambda does
            failed = messages.stream().map(Message::messageId).collect(Collectors.toSet());
        }
        for (Message m : messages) {
            if (!failed.contains(m.messageId())) {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }

    private SQSEvent.SQSMessage record(Message m) {
        SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
        r.setMessageId(m.messageId());
        r.setReceiptHandle(m.receiptHandle());
        r.setBody(m.body());
        r.setMd5OfBody(m.md5OfBody());
        r.setEventSource("aws:sqs");
        r.setEventSourceArn(queueArn);
        r.setAwsRegion("us-east-1");
        Map<String, String> attrs = new HashMap<>();
        m.attributesAsStrings().forEach(attrs::put);
        r.setAttributes(attrs);
        return r;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
