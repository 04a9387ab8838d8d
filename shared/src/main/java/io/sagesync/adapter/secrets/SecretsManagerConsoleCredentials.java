package io.sagesync.adapter.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.port.ConsoleCredentials;
import io.sagesync.port.InfrastructureException;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The console password from ConsoleSecret ({@code {"password":"..."}}, generated at deploy). Read on every
 * sign-in (rare, throttled), so a rotated password takes effect at once.
 */
public final class SecretsManagerConsoleCredentials implements ConsoleCredentials {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsManagerClient secrets;
    private final String secretId;

    public SecretsManagerConsoleCredentials(SecretsManagerClient secrets, String secretId) {
        this.secrets = secrets;
        this.secretId = secretId;
    }

    @Override
    public byte[] password() {
        if (secretId == null || secretId.isBlank()) {
            return new byte[0];
        }
        try {
            String value = secrets.getSecretValue(b -> b.secretId(secretId)).secretString();
            JsonNode password = JSON.readTree(value == null ? "{}" : value).path("password");
            return password.isTextual() ? password.textValue().getBytes(StandardCharsets.UTF_8) : new byte[0];
        } catch (SdkException e) {
            throw new InfrastructureException("console secret not loadable", e);
        } catch (java.io.IOException e) {
            // a malformed secret must not let anyone in
            return new byte[0];
        }
    }
}
