package io.sagesync.adapter.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.SageTokenSet;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Where the Sage tokens lived before issue 9 (the tenant's SageSecret, JSON {@code {access_token, refresh_token,
 * expires_at, refresh_expires_at, business_id}}; instants as ISO-8601 strings or epoch seconds; {@code "{}"} means
 * "not connected"). Read only, once, to move a connection made by an older version into the versioned DynamoDB
 * record ({@code DynamoDbSageTokenStore}); nothing writes the secret any more (AWS advises at most one
 * {@code PutSecretValue} per 10 minutes, and versions younger than 24 h are never pruned).
 */
public final class SecretsManagerLegacySageTokens {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsManagerClient secrets;
    private final String secretId;

    /** @param secretId the SageSecret; blank when the stack has none (nothing to migrate) */
    public SecretsManagerLegacySageTokens(SecretsManagerClient secrets, String secretId) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.secretId = secretId == null ? "" : secretId;
    }

    /** The tokens an older version stored, if any. */
    public Optional<SageTokenSet> read() {
        if (secretId.isBlank()) {
            return Optional.empty();
        }
        String secret;
        try {
            secret = secrets.getSecretValue(b -> b.secretId(secretId)).secretString();
        } catch (SdkException e) {
            throw new InfrastructureException("Sage secret not readable", e);
        }
        return parse(secret);
    }

    /** The JSON an older version wrote (tests and local mode seed a pre-migration stack with it). */
    public static String serialise(SageTokenSet t) {
        ObjectNode node = JSON.createObjectNode()
                .put("access_token", t.accessToken())
                .put("refresh_token", t.refreshToken())
                .put("expires_at", t.expiresAt().toString())
                .put("refresh_expires_at", t.refreshExpiresAt().toString());
        node.put("business_id", t.businessId());
        return node.toString();
    }

    public static Optional<SageTokenSet> parse(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(secret);
            String access = text(node, "access_token");
            String refresh = text(node, "refresh_token");
            if (refresh == null) {
                return Optional.empty();
            }
            // a refresh token without a usable access token is a connection that needs a refresh, not none
            Instant expires = access == null ? Instant.EPOCH : instant(node.path("expires_at"));
            return Optional.of(new SageTokenSet(access == null ? "" : access, refresh, expires,
                    instant(node.path("refresh_expires_at")), text(node, "business_id")));
        } catch (IOException | RuntimeException e) {
            // never include the secret (or the parser's excerpt of it) in the message
            throw new InfrastructureException("Sage secret is not valid token JSON");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static Instant instant(JsonNode v) {
        if (v.isNumber()) {
            return Instant.ofEpochSecond(v.asLong());
        }
        if (v.isTextual()) {
            return Instant.parse(v.asText());
        }
        return Instant.EPOCH; // unknown expiry: treat as expired, which forces a refresh
    }
}
