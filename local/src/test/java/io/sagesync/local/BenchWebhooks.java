package io.sagesync.local;

import io.sagesync.simulator.magento.MagentoJwt;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.UUID;

/** The benchmarks' webhook: what the module's cron sends for one invoice, signed as the module signs it. */
final class BenchWebhooks {
    private BenchWebhooks() {
    }

    /** A signed {@code invoice.created} for {@code invoiceId}, to the pipeline's HTTP API, with a fresh jti. */
    static HttpRequest invoiceCreated(LocalPipeline p, long invoiceId) {
        String token = MagentoJwt.signOutbound(p.settings.apiKey(), p.settings.tenantId(), Instant.now(),
                UUID.randomUUID().toString());
        String body = "{\"magento_entity_id\":" + invoiceId + ",\"website_id\":1,\"store_id\":1,"
                + "\"occurred_at\":\"2026-04-30T10:11:12Z\",\"payload\":{\"increment_id\":\"" + invoiceId
                + "\",\"paid\":true}}";
        return HttpRequest.newBuilder(URI.create(p.apiUrl() + "/webhooks/magento/" + p.settings.tenantId()
                        + "/invoice.created"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", "invoice.created:" + invoiceId)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
