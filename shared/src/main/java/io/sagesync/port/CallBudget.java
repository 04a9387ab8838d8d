package io.sagesync.port;

import java.time.Duration;

/**
 * The time left to the current invocation for calls to systems we do not control (Sage, its OAuth server): each such
 * call's total deadline is at most this, so a slow partner cannot run a Lambda into its timeout with the outcome
 * unrecorded. The function's handler sets it from the platform's remaining time; outside an invocation it is
 * unbounded.
 */
public interface CallBudget {
    /** No invocation bound (tests, local mode before the first invocation). */
    CallBudget UNBOUNDED = () -> Duration.ofDays(1);

    /** What is left now; zero or negative when spent. */
    Duration remaining();

    /** The shorter of {@code timeout} and what is left. */
    default Duration bound(Duration timeout) {
        Duration left = remaining();
        return left.compareTo(timeout) < 0 ? left : timeout;
    }
}
