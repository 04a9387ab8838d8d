package io.sagesync.adapter.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.adapter.sage.oauth.SageAppCredentials;
import io.sagesync.port.InfrastructureException;
import java.io.IOException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The Sage application's client id and secret from {@code SageAppSecret} ({@code {"client_id","client_secret"}}),
 * read on first use (never during init, so SnapStart does not freeze them) and then kept for the environment's life.
 */
public final class SecretsManagerSageAppCredentials implements Supplier<SageAppCredentials> {
    private final SecretsManagerClient secrets;
    private final String secretId;
    private volatile SageAppCredentials value;

    public SecretsManagerSageAppCredentials(SecretsManagerClient secrets, String secretId) {
        this.secrets = secrets;
        this.secretId = secretId;
    }

    @Override
    public SageAppCredentials get() {
        SageAppCredentials v = value;
        if (v == null) {
            synchronized (this) {
                if (value == null) {
                    value = read();
                }
                v = value;
            }
        }
        return v;
    }

    private SageAppCredentials read() {
        try {
            JsonNode node = new ObjectMapper().readTree(secrets.getSecretValue(b -> b.secretId(secretId))
                    .secretString());
            String id = node.path("client_id").asText("");
            String secret = node.path("client_secret").asText("");
            if (id.isBlank() || secret.isBlank()) {
                throw new InfrastructureException("SageAppSecret lacks client_id/client_secret: put the Sage app's "
                        + "credentials there (docs/sage-connection.md)");
            }
            return new SageAppCredentials(id, secret);
        } catch (SdkException | IOException e) {
            throw new InfrastructureException("SageAppSecret not readable", e);
        }
    }
}
