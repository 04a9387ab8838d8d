package io.sagesync.security;

import java.time.Instant;

/**
 * The facts a caller may rely on after {@link MagentoWebhookVerifier#verify} accepted a token.
 *
 * @param jti       the token id, already recorded by the replay guard
 * @param subject   the tenant id the token was issued for (equals the expected tenant id)
 * @param issuedAt  the {@code iat} claim
 * @param expiresAt the {@code exp} claim
 */
public record VerifiedToken(String jti, String subject, Instant issuedAt, Instant expiresAt) {
}
