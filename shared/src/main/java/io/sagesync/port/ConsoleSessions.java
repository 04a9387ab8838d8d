package io.sagesync.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Signed-in console sessions, stored by a hash of the cookie value so that reading the table never yields a usable
 * cookie. All methods throw {@link InfrastructureException} when the store is unavailable.
 */
public interface ConsoleSessions {
    /** @param tokenHash hex SHA-256 of the cookie value */
    void create(String tokenHash, String csrfToken, Instant expiresAt);

    /** The CSRF token of a session that exists and has not expired at {@code now}. */
    Optional<String> csrfToken(String tokenHash, Instant now);

    void delete(String tokenHash);
}
