package io.sagesync.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagesync.adapter.json.JacksonWebhookBodyParser;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncRun;
import io.sagesync.port.InfrastructureException;
import io.sagesync.security.MagentoWebhookVerifier;
import io.sagesync.simulator.magento.MagentoJwt;
import io.sagesync.testkit.fakes.FixedTenantKey;
import io.sagesync.testkit.fakes.InMemoryReplayGuardFake;
import io.sagesync.testkit.fakes.InMemorySyncQueue;
import io.sagesync.testkit.fakes.InMemorySyncRunStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The ingress use case with in-memory fakes of our own ports and the real verifier and parser. */
class AcceptWebhookTest {
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final String TENANT = "11111111-2222-4333-8444-555555555555";
    private static final String API_KEY = "test-master-api-key-0123456789abcdef";

    private final InMemorySyncRunStore runs = new InMemorySyncRunStore();
    private final InMemorySyncQueue queue = new InMemorySyncQueue();
    private final FixedTenantKey keys = new FixedTenantKey(API_KEY);
    private final AtomicInteger ids = new AtomicInteger();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final AcceptWebhook accept = new AcceptWebhook(TENANT, keys,
            new MagentoWebhookVerifier(clock, new InMemoryReplayGuardFake()), new JacksonWebhookBodyParser(), runs,
            queue, clock, () -> "run-" + ids.incrementAndGet());

    /** A webhook body as the Magento module sends it. */
    private static String body(long entityId) {
        return "{\"magento_entity_id\":" + entityId + ",\"website_id\":1,\"store_id\":1,"
                + "\"occurred_at\":\"2026-04-30T10:11:12Z\",\"payload\":{\"increment_id\":\"0000000" + entityId
                + "\",\"paid\":true}}";
    }

    /** Signed by the Magento simulator's own implementation of Magento's signer, not by our code. */
    private static String token(Instant now) {
        return MagentoJwt.signOutbound(API_KEY, TENANT, now, UUID.randomUUID().toString());
    }

    private WebhookRequest request(String event, String key, String body) {
        return new WebhookRequest(TENANT, event, "Bearer " + token(NOW), key,
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void firstDelivery_createsAQueuedRun_andEnqueuesExactlyOneJob() {
        var outcome = accept.accept(request("invoice.created", "invoice.created:42", body(42)));

        assertThat(outcome).isEqualTo(new WebhookOutcome.Accepted("run-1"));
        SyncRun run = runs.find("run-1").orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(run.enqueued()).isTrue();
        assertThat(run.event()).isEqualTo(EventName.INVOICE_CREATED);
        assertThat(run.magentoEntityId()).isEqualTo(42);
        assertThat(queue.jobs()).singleElement().satisfies(job -> {
            assertThat(job.runId()).isEqualTo("run-1");
            assertThat(job.magentoEntityId()).isEqualTo(42);
            assertThat(job.websiteId()).isEqualTo(1);
            assertThat(job.enqueueCount()).isEqualTo(1);
        });
    }

    @Test
    void repeatWithTheSameKey_returnsTheSameRun_andEnqueuesNothing() {
        accept.accept(request("invoice.created", "invoice.created:42", body(42)));

        var again = accept.accept(request("invoice.created", "invoice.created:42", body(42)));

        assertThat(again).isEqualTo(new WebhookOutcome.Duplicate("run-1"));
        assertThat(queue.jobs()).hasSize(1);
    }

    @Test
    void repeatOfAFailedRun_queuesItAgain_withANewEnqueueCount() {
        accept.accept(request("invoice.created", "invoice.created:42", body(42)));
        SyncRun run = runs.find("run-1").orElseThrow();
        runs.put(run.toBuilder().status(RunStatus.FAILED).attempts(1).enqueueCount(1).enqueued(true).updatedAt(NOW)
                .errorClass(io.sagesync.domain.ErrorClass.PROVIDER).reason("sage down").sageDocument(null, null)
                .build());

        var refire = accept.accept(request("invoice.created", "invoice.created:42", body(42)));

        assertThat(refire).isEqualTo(new WebhookOutcome.Accepted("run-1"));
        assertThat(runs.find("run-1").orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
        assertThat(queue.jobs()).hasSize(2);
        assertThat(queue.jobs().get(1).enqueueCount()).isEqualTo(2);
    }

    @Test
    void queueFailure_isTransient_andTheRetryFinishesTheEnqueue() {
        queue.failNext(1);

        assertThatThrownBy(() -> accept.accept(request("invoice.created", "invoice.created:7", body(7))))
                .isInstanceOf(InfrastructureException.class);
        assertThat(runs.find("run-1").orElseThrow().enqueued()).isFalse();
        assertThat(queue.jobs()).isEmpty();

        var retry = accept.accept(request("invoice.created", "invoice.created:7", body(7)));

        assertThat(retry).isEqualTo(new WebhookOutcome.Accepted("run-1"));
        assertThat(queue.jobs()).singleElement().extracting(j -> j.runId()).isEqualTo("run-1");
        assertThat(runs.find("run-1").orElseThrow().enqueued()).isTrue();
    }

    @Test
    void missingKey_isDerivedAsTheModuleDoes_eventColonSha1OfBody() throws Exception {
        String body = body(9);
        accept.accept(request("invoice.paid", null, body));

        String expected = "invoice.paid:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-1").digest(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(runs.find("run-1").orElseThrow().idempotencyKey()).isEqualTo(expected);
    }

    @Test
    void unknownEventName_isIgnored_withoutARunOrAJob() {
        var outcome = accept.accept(request("order.shipped", "order.shipped:1", body(1)));

        assertThat(outcome).isEqualTo(new WebhookOutcome.Ignored("order.shipped"));
        assertThat(runs.all()).isEmpty();
        assertThat(queue.jobs()).isEmpty();
    }

    @Test
    void unknownEventName_stillRequiresAuthentication() {
        var unsigned = new WebhookRequest(TENANT, "order.shipped", null, null, body(1).getBytes());

        assertThatThrownBy(() -> accept.accept(unsigned)).isInstanceOfSatisfying(WebhookRejectedException.class,
                e -> assertThat(e.kind()).isEqualTo(WebhookRejectedException.Kind.UNAUTHENTICATED));
    }

    @Test
    void anotherTenantsPath_getsExactlyTheAnswerOfABadToken() {
        var wrongTenant = new WebhookRequest("someone-else", "invoice.created", "Bearer "
                + token(NOW), "k", body(1).getBytes());
        var badToken = new WebhookRequest(TENANT, "invoice.created", "Bearer not.a.token", "k", body(1).getBytes());

        WebhookRejectedException tenant = catchRejection(wrongTenant);
        WebhookRejectedException token = catchRejection(badToken);

        assertThat(tenant.kind()).isEqualTo(token.kind()).isEqualTo(WebhookRejectedException.Kind.UNAUTHENTICATED);
        assertThat(tenant.code()).isEqualTo(token.code()).isEqualTo("invalid_token");
    }

    @Test
    void aKeyWhoseRunWasLost_isRepairedFromTheRequest_underTheKeysRunId_andEnqueued() {
        accept.accept(request("invoice.created", "invoice.created:42", body(42)));
        runs.loseRun("run-1");

        var retry = accept.accept(request("invoice.created", "invoice.created:42", body(42)));

        assertThat(retry).isEqualTo(new WebhookOutcome.Accepted("run-1"));
        SyncRun repaired = runs.find("run-1").orElseThrow();
        assertThat(repaired.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(repaired.enqueued()).isTrue();
        assertThat(repaired.magentoEntityId()).isEqualTo(42);
        assertThat(queue.jobs()).hasSize(2).last().satisfies(job -> {
            assertThat(job.runId()).isEqualTo("run-1");
            assertThat(job.idempotencyKey()).isEqualTo("invoice.created:42");
            assertThat(job.enqueueCount()).isEqualTo(2);
        });
    }

    @Test
    void aDuplicateWhileTheFirstDeliveryIsStillSending_answersAtOnceWithTheSameRunId() {
        queue.failNext(1);
        assertThatThrownBy(() -> accept.accept(request("invoice.created", "invoice.created:5", body(5))))
                .isInstanceOf(InfrastructureException.class);

        var duplicate = accept.accept(request("invoice.created", "invoice.created:5", body(5)));

        assertThat(duplicate).isInstanceOf(WebhookOutcome.Accepted.class);
        assertThat(((WebhookOutcome.Accepted) duplicate).runId()).isEqualTo("run-1");
        assertThat(queue.jobs()).singleElement().extracting(j -> j.enqueueCount()).isEqualTo(1);
    }

    @Test
    void afterRePairing_aTokenSignedWithTheNewKey_isAcceptedAtOnce_byReReadingTheKeyOnce() {
        String newKey = "re-paired-api-key-0123456789abcdef";
        keys.rotateInStore(newKey);
        String token = io.sagesync.simulator.magento.MagentoJwt.signOutbound(newKey, TENANT, NOW,
                java.util.UUID.randomUUID().toString());

        var outcome = accept.accept(new WebhookRequest(TENANT, "invoice.created", "Bearer " + token,
                "invoice.created:77", body(77).getBytes(StandardCharsets.UTF_8)));

        assertThat(outcome).isInstanceOf(WebhookOutcome.Accepted.class);
        assertThat(keys.reloads()).isEqualTo(1);
    }

    @Test
    void whilePairing_aTokenSignedWithThePendingKey_isAccepted_beforeThePromotionLands() {
        String pending = "pending-api-key-being-paired-0123456789";
        keys.stagePending(pending);
        String token = io.sagesync.simulator.magento.MagentoJwt.signOutbound(pending, TENANT, NOW,
                java.util.UUID.randomUUID().toString());

        var outcome = accept.accept(new WebhookRequest(TENANT, "invoice.created", "Bearer " + token,
                "invoice.created:78", body(78).getBytes(StandardCharsets.UTF_8)));

        assertThat(outcome).isInstanceOf(WebhookOutcome.Accepted.class);
        // the current key still verifies too: both hold while the handshake is in flight
        String current = io.sagesync.simulator.magento.MagentoJwt.signOutbound(API_KEY, TENANT, NOW,
                java.util.UUID.randomUUID().toString());
        assertThat(accept.accept(new WebhookRequest(TENANT, "invoice.created", "Bearer " + current,
                "invoice.created:79", body(79).getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(WebhookOutcome.Accepted.class);
    }

    @Test
    void withoutAPairingInProgress_aTokenSignedWithAnotherKey_isRejected() {
        keys.stagePending(null);
        String other = io.sagesync.simulator.magento.MagentoJwt.signOutbound("pending-api-key-being-paired-0123456789",
                TENANT, NOW, java.util.UUID.randomUUID().toString());

        assertThatThrownBy(() -> accept.accept(new WebhookRequest(TENANT, "invoice.created", "Bearer " + other,
                "invoice.created:80", body(80).getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void aForgedSignature_isStillRejected_afterOneReRead_andOtherRejectionsNeverReRead() {
        String forged = io.sagesync.simulator.magento.MagentoJwt.signOutbound("not-the-key", TENANT, NOW,
                java.util.UUID.randomUUID().toString());

        assertThatThrownBy(() -> accept.accept(new WebhookRequest(TENANT, "invoice.created", "Bearer " + forged,
                "k1", body(1).getBytes(StandardCharsets.UTF_8)))).isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> accept.accept(new WebhookRequest(TENANT, "invoice.created", "Bearer not.a.jwt",
                "k2", body(1).getBytes(StandardCharsets.UTF_8)))).isInstanceOf(WebhookRejectedException.class);

        assertThat(keys.reloads()).isEqualTo(1);
    }

    private WebhookRejectedException catchRejection(WebhookRequest request) {
        try {
            accept.accept(request);
        } catch (WebhookRejectedException e) {
            return e;
        }
        throw new AssertionError("expected a rejection");
    }

    @Test
    void bodyOver64KiB_isTooLarge() {
        byte[] big = new byte[AcceptWebhook.MAX_BODY_BYTES + 1];

        assertThatThrownBy(() -> accept.accept(new WebhookRequest(TENANT, "invoice.created", "Bearer x", "k", big)))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.kind()).isEqualTo(WebhookRejectedException.Kind.TOO_LARGE));
    }

    @Test
    void malformedBodies_areInvalidPayloads() {
        for (String bad : new String[] {"not json", "[]", "{}", "{\"magento_entity_id\":\"42\"}",
                "{\"magento_entity_id\":4.2}", "{\"magento_entity_id\":0}", "{\"magento_entity_id\":-1}",
                "{\"magento_entity_id\":1,\"website_id\":\"1\"}", "{\"magento_entity_id\":1,\"payload\":[1]}",
                "{\"magento_entity_id\":1} trailing"}) {
            assertThatThrownBy(() -> accept.accept(request("invoice.created", "k-" + bad.hashCode(), bad)))
                    .as(bad)
                    .isInstanceOfSatisfying(WebhookRejectedException.class,
                            e -> assertThat(e.kind()).isEqualTo(WebhookRejectedException.Kind.INVALID_PAYLOAD));
        }
        assertThat(queue.jobs()).isEmpty();
    }

    @Test
    void overlongIdempotencyKey_isRejected() {
        String key = "invoice.created:" + "9".repeat(200);

        assertThatThrownBy(() -> accept.accept(request("invoice.created", key, body(1))))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_idempotency_key"));
    }

    @Test
    void secretNotLoadable_isTransient() {
        keys.unavailable(true);

        assertThatThrownBy(() -> accept.accept(request("invoice.created", "k", body(1))))
                .isInstanceOf(InfrastructureException.class);
    }
}
