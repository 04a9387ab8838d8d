package io.sagesync.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import io.sagesync.adapter.json.JacksonWebhookBodyParser;
import io.sagesync.application.AcceptWebhook;
import io.sagesync.domain.EventName;
import io.sagesync.domain.SyncJob;
import io.sagesync.security.MagentoWebhookVerifier;
import io.sagesync.testkit.fakes.FixedTenantKey;
import io.sagesync.testkit.fakes.InMemoryReplayGuardFake;
import io.sagesync.testkit.fakes.InMemorySyncQueue;
import io.sagesync.testkit.fakes.InMemorySyncRunStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code sam local invoke} events in {@code events/} go through the real handler here, so they cannot rot: each
 * carries a JWT signed with the documented local key {@code sagesync-local-dev-key} for the documented tenant at
 * 2026-04-30T10:11:12Z, which a clock fixed one second later accepts.
 */
class ApiGatewayEventFilesTest {
    static final String LOCAL_DEV_KEY = "sagesync-local-dev-key";
    static final String TENANT = "11111111-2222-4333-8444-555555555555";
    static final Instant SIGNED_AT = Instant.parse("2026-04-30T10:11:12Z");

    private final Clock clock = Clock.fixed(SIGNED_AT.plusSeconds(1), ZoneOffset.UTC);
    private final InMemorySyncQueue queue = new InMemorySyncQueue();
    private final AtomicInteger ids = new AtomicInteger();
    private final WebhookHandler handler = new WebhookHandler(new AcceptWebhook(TENANT,
            new FixedTenantKey(LOCAL_DEV_KEY), new MagentoWebhookVerifier(clock, new InMemoryReplayGuardFake()),
            new JacksonWebhookBodyParser(), new InMemorySyncRunStore(), queue, clock,
            () -> "run-" + ids.incrementAndGet()));

    @ParameterizedTest
    @CsvSource({
        "apigw-invoice-created.json, invoice.created, 42",
        "apigw-invoice-paid.json, invoice.paid, 42",
        "apigw-creditmemo-created.json, creditmemo.created, 17",
        "apigw-customer-upserted.json, customer.upserted, 5",
        "apigw-product-upserted.json, product.upserted, 301"})
    void eventFile_isAcceptedWith202_andEnqueuesItsEntity(String file, String eventName, long entityId) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("../../events/" + file);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
        assertThat(response.getBody()).contains("\"sync_run_id\":\"run-1\"");
        SyncJob job = queue.jobs().get(0);
        assertThat(job.event()).isEqualTo(EventName.fromWire(eventName).orElseThrow());
        assertThat(job.magentoEntityId()).isEqualTo(entityId);
        assertThat(job.tenantId()).isEqualTo(TENANT);
    }

    @ParameterizedTest
    @Event(value = "../../events/apigw-invoice-created.json", type = APIGatewayV2HTTPEvent.class)
    void eventFile_loadsThroughTheEventAnnotation_asAnHttpApiPayload2(APIGatewayV2HTTPEvent event) {
        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getPathParameters()).containsEntry("tenant_id", TENANT)
                .containsEntry("event", "invoice.created");
        assertThat(event.getHeaders()).containsEntry("idempotency-key", "invoice.created:42");
        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(202);
    }
}
