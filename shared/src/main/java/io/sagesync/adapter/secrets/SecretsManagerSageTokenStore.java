package io.sagesync.adapter.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.SageTokenSet;
import io.sagesync.port.SageTokenStore;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Sage tokens in the tenant's SageSecret as JSON {@code {access_token, refresh_token, expires_at,
 * refresh_expires_at, business_id}} (instants as ISO-8601 strings; epoch seconds are accepted when reading).
 * {@code "{}"} — what the template deploys — means "not connected". Not cached: the refresh protocol must see the
 * newest pair another process stored.
 */
public final class SecretsManagerSageTokenStore implements SageTokenStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsManagerClient secrets;
    private final String secretId;

    public SecretsManagerSageTokenStore(SecretsManagerClient secrets, String secretId) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.secretId = Objects.requireNonNull(secretId, "secretId");
    }

    @Override
    public Optional<SageTokenSet> read() {
        String secret;
        try {
            secret = secrets.getSecretValue(b -> b.secretId(secretId)).secretString();
        } catch (SdkException e) {
            throw new InfrastructureException("Sage secret not readable", e);
        }
        return parse(secret);
    }

    @Override
    public void write(SageTokenSet tokens) {
        put(serialise(tokens));
    }

    @Override
    public void clear() {
        put("{}");
    }

    private void put(String value) {
        try {
            secrets.putSecretValue(b -> b.secretId(secretId).secretString(value));
        } catch (SdkException e) {
            throw new InfrastructureException("Sage secret not writable", e);
        }
    }

    static String serialise(SageTokenSet t) {
        ObjectNode node = JSON.createObjectNode()
                .put("access_token", t.accessToken())
                .put("refresh_token", t.refreshToken())
                .put("expires_at", t.expiresAt().toString())
                .put("refresh_expires_at", t.refreshExpiresAt().toString());
        node.put("business_id", t.businessId());
        return node.toString();
    }

    static Optional<SageTokenSet> parse(String secret) {
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
