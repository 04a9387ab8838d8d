package io.sagesync.application;

import io.sagesync.domain.PushStatus;
import java.time.Duration;

/**
 * What the push function must do with the message after one attempt.
 *
 * @param status     what happened (also recorded on the run)
 * @param retryAfter for {@link PushStatus#RETRYING}: how long the message should stay invisible; otherwise null
 */
public record PushResult(PushStatus status, Duration retryAfter) {

    /** True when the message is finished (delete it); false when it must come back after {@link #retryAfter}. */
    public boolean done() {
        return status != PushStatus.RETRYING;
    }

    static PushResult finished(PushStatus status) {
        return new PushResult(status, null);
    }

    static PushResult retryAfter(Duration delay) {
        return new PushResult(PushStatus.RETRYING, delay);
    }
}
