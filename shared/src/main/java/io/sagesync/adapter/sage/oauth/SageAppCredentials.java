package io.sagesync.adapter.sage.oauth;

import java.util.Objects;

/**
 * The Sage developer application's OAuth client credentials (one app may serve many tenant stacks).
 *
 * @param clientId     public client id
 * @param clientSecret confidential; read from Secrets Manager, never logged
 */
public record SageAppCredentials(String clientId, String clientSecret) {
    public SageAppCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    @Override
    public String toString() {
        return "SageAppCredentials[clientId=" + clientId + "]";
    }
}
