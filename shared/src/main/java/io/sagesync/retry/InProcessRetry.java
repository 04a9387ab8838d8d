package io.sagesync.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Retries inside one call, before the work is handed back to a queue (used by the Sage HTTP client; see
 * {@link RetryPolicies#SAGE_HTTP}).
 *
 * <p>Backoff is "full jitter" (Brooker, AWS Architecture Blog): retry {@code n} (0-based) sleeps a uniformly random
 * time in {@code [0, min(maxDelay, baseDelay·2^n)]}, which spreads competing workers apart better than a fixed
 * exponential schedule. A {@code Retry-After} header, when Sage sends one, replaces the jittered delay (capped at
 * {@code maxRetryAfter}).
 *
 * @param baseDelay     first backoff bound
 * @param maxDelay      upper bound of any jittered backoff
 * @param maxAttempts   total calls, first one included (4 = up to 3 retries)
 * @param maxRetryAfter longest {@code Retry-After} we honour in-process
 * @param sleepBudget   total time one request may spend sleeping; when the next sleep would exceed it the client
 *                      gives up (RATE_LIMITED / PROVIDER) so the queue retries later instead of the Lambda idling
 */
public record InProcessRetry(Duration baseDelay, Duration maxDelay, int maxAttempts, Duration maxRetryAfter,
                          Duration sleepBudget) {

    public InProcessRetry {
        requireNonNegative(baseDelay, "baseDelay");
        requireNonNegative(maxDelay, "maxDelay");
        requireNonNegative(maxRetryAfter, "maxRetryAfter");
        requireNonNegative(sleepBudget, "sleepBudget");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** {@link RetryPolicies#SAGE_HTTP}: 250 ms base, 8 s cap, 4 attempts, Retry-After up to 10 s, 20 s asleep. */
    public static InProcessRetry defaults() {
        return RetryPolicies.SAGE_HTTP;
    }

    /** A policy that never retries (tests, one-shot diagnostics). */
    public static InProcessRetry noRetries() {
        return new InProcessRetry(Duration.ZERO, Duration.ZERO, 1, Duration.ZERO, Duration.ZERO);
    }

    /** The upper bound for retry {@code n} (0-based): {@code min(maxDelay, baseDelay·2^n)}, overflow-safe. */
    public Duration backoffBound(int retryIndex) {
        if (retryIndex < 0) {
            throw new IllegalArgumentException("retryIndex must not be negative");
        }
        long base = baseDelay.toMillis();
        long cap = maxDelay.toMillis();
        if (base == 0) {
            return Duration.ZERO;
        }
        if (retryIndex < 62) {
            long factor = 1L << retryIndex;
            if (base <= cap / factor) {
                return Duration.ofMillis(base * factor);
            }
        }
        return Duration.ofMillis(cap);
    }

    /** A full-jitter delay for retry {@code n} (0-based), in whole milliseconds, within {@link #backoffBound}. */
    public Duration backoff(int retryIndex, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        long bound = backoffBound(retryIndex).toMillis();
        return Duration.ofMillis(bound == 0 ? 0 : random.nextLong(bound + 1));
    }

    private static void requireNonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
