package io.sagesync.webhook;

import static io.sagesync.webhook.WebhookEvents.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.adapter.secrets.SecretsManagerTenantKeyVault;
import io.sagesync.simulator.magento.MagentoJwt;
import io.sagesync.testkit.LocalAws;
import io.sagesync.testkit.LocalAwsExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9 item 6, "accept the pending key while pairing": Magento holds the new api_key from the moment it accepts
 * the handshake and may sign webhooks with it before the admin promotes it (or if the promotion call failed). The
 * webhook must accept it then, without a 401 that Magento would dead-letter; a key staged by a pairing long over
 * is not accepted.
 */
@ExtendWith(LocalAwsExtension.class)
class PairingKeyIntegrationTest {
    private static final String NEW_KEY = "key-handed-to-magento-at-pairing-0123456789abcdef";
    private final LocalAws aws;
    private final WebhookHandler handler;

    PairingKeyIntegrationTest(LocalAws aws) {
        this.aws = aws;
        this.handler = new WebhookHandler(WebhookComposition.of(aws.config(TENANT), aws.clients(),
                Clock.systemUTC()).acceptWebhook());
    }

    @BeforeEach
    void cleanSlate() {
        aws.reset();
        aws.putTenantApiKey(WebhookEvents.API_KEY);
    }

    private void stage(Instant at) {
        new SecretsManagerTenantKeyVault(aws.adminClients().secretsManager(), "TenantSecret",
                Clock.fixed(at, ZoneOffset.UTC)).stagePending(NEW_KEY, "https://shop.example.com",
                UUID.randomUUID().toString());
    }

    private int deliverSignedWith(String key, long entityId) {
        Map<String, String> headers = new HashMap<>();
        headers.put("authorization", "Bearer " + MagentoJwt.signOutbound(key, TENANT, Instant.now(),
                UUID.randomUUID().toString()));
        headers.put("content-type", "application/json");
        headers.put("idempotency-key", "invoice.created:" + entityId);
        return handler.handleRequest(WebhookEvents.event(TENANT, "invoice.created", headers,
                WebhookEvents.body(entityId)), null).getStatusCode();
    }

    @Test
    void midPairing_aWebhookSignedWithTheStagedKey_isAccepted_andTheCurrentKeyStillWorks() {
        assertThat(deliverSignedWith(WebhookEvents.API_KEY, 1)).isEqualTo(202); // warms the key cache
        stage(Instant.now());

        assertThat(deliverSignedWith(NEW_KEY, 2)).isEqualTo(202);
        assertThat(deliverSignedWith(WebhookEvents.API_KEY, 3)).isEqualTo(202);
    }

    @Test
    void aKeyStagedByAPairingLongOver_isNotAccepted() {
        stage(Instant.now().minus(Duration.ofMinutes(45)));

        assertThat(deliverSignedWith(NEW_KEY, 4)).isEqualTo(401);
    }

    @Test
    void withNothingStaged_anUnknownKey_isRejected() {
        assertThat(deliverSignedWith(NEW_KEY, 5)).isEqualTo(401);
    }
}
