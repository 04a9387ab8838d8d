package io.sagesync.port;

import java.time.Instant;

/** Counts sign-in attempts per client and window; throws {@link InfrastructureException} when unavailable. */
public interface SignInThrottle {
    /** Records one attempt; false when the client (or everyone together) used up the window's budget. */
    boolean tryAttempt(String clientKey, Instant now);
}
