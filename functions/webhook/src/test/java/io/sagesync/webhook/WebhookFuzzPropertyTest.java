package io.sagesync.webhook;

import static io.sagesync.webhook.WebhookEvents.API_KEY;
import static io.sagesync.webhook.WebhookEvents.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.sagesync.adapter.json.JacksonWebhookBodyParser;
import io.sagesync.application.AcceptWebhook;
import io.sagesync.security.MagentoWebhookVerifier;
import io.sagesync.testkit.fakes.FixedTenantKey;
import io.sagesync.testkit.fakes.InMemoryReplayGuardFake;
import io.sagesync.testkit.fakes.InMemorySyncQueue;
import io.sagesync.testkit.fakes.InMemorySyncRunStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever arrives (mutated headers, paths, bodies, encodings), the handler answers, never with a 5xx when no
 * infrastructure fault is injected, never with 429 (Magento dead-letters it), and never lets an exception escape.
 */
class WebhookFuzzPropertyTest {
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final WebhookHandler handler = new WebhookHandler(new AcceptWebhook(TENANT, new FixedTenantKey(API_KEY),
            new MagentoWebhookVerifier(clock, new InMemoryReplayGuardFake()), new JacksonWebhookBodyParser(),
            new InMemorySyncRunStore(), new InMemorySyncQueue(), clock, () -> UUID.randomUUID().toString()));

    @Property(tries = 1500)
    void anyRequest_getsA2xxOr4xx_neverA5xxOr429(@ForAll("requests") APIGatewayV2HTTPEvent event) {
        var response = handler.handleRequest(event, null);

        int status = response.getStatusCode();
        assertThat(status).isNotEqualTo(429).satisfiesAnyOf(
                s -> assertThat(s).isBetween(200, 299), s -> assertThat(s).isBetween(400, 499));
        assertThat(response.getBody()).startsWith("{").doesNotContain("Exception").doesNotContain(API_KEY);
        Statistics.collect(status);
        // the generators must also reach the accepting path, not only rejections
        Statistics.coverage(c -> {
            c.check(202).count(n -> n > 0);
            c.check(401).count(n -> n > 0);
            c.check(400).count(n -> n > 0);
        });
    }

    @Provide
    Arbitrary<APIGatewayV2HTTPEvent> requests() {
        Arbitrary<String> tenants = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(TENANT)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(40)), Tuple.of(1, Arbitraries.just("")));
        Arbitrary<String> events = Arbitraries.oneOf(Arbitraries.of("invoice.created", "invoice.paid",
                "creditmemo.created", "customer.upserted", "product.upserted"), Arbitraries.strings().ofMaxLength(30));
        Arbitrary<String> authorizations = Arbitraries.oneOf(
                Arbitraries.create(() -> "Bearer " + WebhookEvents.token(NOW)),
                Arbitraries.create(() -> "Bearer " + WebhookEvents.token(NOW)),
                Arbitraries.strings().ofMaxLength(300).map(s -> "Bearer " + s),
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.just("Bearer a.b.c"),
                Arbitraries.just("Bearer e30.e30."),
                Arbitraries.just(null));
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200), Arbitraries.just(null),
                Arbitraries.strings().alpha().ofMaxLength(20).map(s -> "invoice.created:" + s));
        Arbitrary<String> bodies = Arbitraries.oneOf(
                Arbitraries.longs().map(WebhookEvents::body),
                Arbitraries.strings().ofMaxLength(500),
                Arbitraries.of("{}", "[]", "null", "", "{\"magento_entity_id\":1e400}",
                        "{\"magento_entity_id\":99999999999999999999999}", "{\"magento_entity_id\":true}",
                        "{\"magento_entity_id\":1,\"payload\":{\"a\":{\"b\":{\"c\":[[[[[[[[1]]]]]]]]}}}}",
                        "{\"magento_entity_id\":1,\"magento_entity_id\":2}", "\u0000\u0001"),
                Arbitraries.just("[".repeat(5000)));
        Arbitrary<Boolean> base64 = Arbitraries.of(false, false, false, true);
        return Combinators.combine(tenants, events, authorizations, keys, bodies, base64)
                .as((tenant, event, auth, key, body, b64) -> {
                    Map<String, String> headers = new HashMap<>();
                    if (auth != null) {
                        headers.put("authorization", auth);
                    }
                    if (key != null) {
                        headers.put("idempotency-key", key);
                    }
                    var e = WebhookEvents.event(tenant, event, headers, body);
                    e.setIsBase64Encoded(b64);
                    return e;
                });
    }
}
