package io.sagesync.application;

import io.sagesync.log.JsonLog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * SQS partial-batch semantics, independent of the Lambda event types: process each message, report the ids that
 * must come back. On a FIFO queue the first failure also fails every later message of the batch, because Lambda
 * would otherwise delete them and break the group's order (AWS: "Using Lambda with Amazon SQS", FIFO partial
 * batch responses).
 */
public final class PartialBatch {
    private static final JsonLog LOG = JsonLog.of(PartialBatch.class);

    private PartialBatch() {
    }

    /** One message: its id (returned on failure) and its body. */
    public record Item(String messageId, String body, String sourceQueueArn) {
        public boolean fromFifoQueue() {
            return sourceQueueArn != null && sourceQueueArn.endsWith(".fifo");
        }
    }

    /**
     * @param handler returns true when the message is done (delete it), false when it must be retried; an exception
     *                counts as false (never escapes)
     * @return ids of the messages to report as batchItemFailures
     */
    public static List<String> process(List<Item> items, Predicate<Item> handler) {
        List<String> failed = new ArrayList<>();
        boolean failRest = false;
        for (Item item : items) {
            if (failRest) {
                failed.add(item.messageId());
                continue;
            }
            boolean done;
            try {
                done = handler.test(item);
            } catch (RuntimeException e) {
                // the message comes back (SQS redelivers it); the line says why, without its body
                LOG.error("message failed; returned to the queue", "message_id", item.messageId(),
                        "error", e.getClass().getSimpleName());
                done = false;
            }
            if (!done) {
                failed.add(item.messageId());
                failRest = item.fromFifoQueue();
            }
        }
        return failed;
    }
}
