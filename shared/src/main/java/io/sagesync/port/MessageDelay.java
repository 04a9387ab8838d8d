package io.sagesync.port;

import java.time.Duration;

/**
 * Postpones the redelivery of a queue message that failed transiently, so each retry waits its own backoff instead
 * of the queue's fixed visibility timeout. Best effort: if the change fails, the message simply comes back after
 * the queue's default visibility timeout, so implementations never throw.
 */
public interface MessageDelay {

    /**
     * @param receiptHandle the handle of the message as received in this invocation
     * @param delay         how long the message stays invisible from now (SQS caps it at 12 hours)
     */
    void delay(String receiptHandle, Duration delay);
}
