package io.sagesync.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.application.SyncWorkerSettings;
import io.sagesync.retry.DelaySchedule;
import io.sagesync.retry.ExponentialBackoff;
import io.sagesync.retry.InProcessRetry;
import io.sagesync.simulator.magento.CanonicalInvoices;
import io.sagesync.simulator.magento.MagentoJwt;
import io.sagesync.simulator.magento.SyncStateRow;
import io.sagesync.simulator.sage.SageFaults.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's chaos run, through {@code make local}'s pipeline (HTTP API → webhook → FIFO → sync → push, ElasticMQ +
 * moto, both simulators, the sweeper on its schedule): {@value #INVOICES} invoices, each delivered 3 times at once the
 * way Magento's outbox retries (2xx done, 5xx and dropped connections retried, 4xx dead-lettered), while Sage
 * randomly answers 500 after committing, 429, or drops the connection (before or after committing), and Magento
 * randomly answers 502/503 to canonical GETs and sync-state pushes. Retry delays are shortened to milliseconds and
 * seconds; nothing else differs from local mode. Required: all synced, 0 posted twice, 0 lost, every chip final.
 */
class ChaosIntegrationTest {
    static final int INVOICES = 36;
    private static final long FIRST_ID = 9_000;
    private static final long SEED = Long.getLong("chaos.seed", 20261130L);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LocalPipeline pipeline;

    @BeforeEach
    void start() throws Exception {
        LocalSettings d = LocalSettings.fromEnv(Map.of());
        LocalSettings settings = new LocalSettings(LocalModeIntegrationTest.freePort(), d.tenantId(), d.apiKey(),
                null, null, null, null, null, null, null, null, false);
        var fast = new LocalPipeline.Tuning(
                new SyncWorkerSettings(new DelaySchedule(10, List.of(Duration.ofMillis(200))), Duration.ofDays(6),
                        Duration.ofMinutes(15)),
                new InProcessRetry(Duration.ofMillis(5), Duration.ofMillis(50), 4, Duration.ofSeconds(1),
                        Duration.ofSeconds(2)),
                new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2)),
                Duration.ofSeconds(2), Duration.ofSeconds(20), true);
        pipeline = LocalPipeline.start(settings, Clock.systemUTC(), fast);
    }

    @AfterEach
    void stop() {
        pipeline.close();
    }

    @Test
    void tripleConcurrentDeliveries_underSageAndMagentoFaults_allSynced_noneTwice_noneLost_everyChipFinal()
            throws Exception {
        Random random = new Random(SEED);
        for (long id = FIRST_ID; id < FIRST_ID + INVOICES; id++) {
            pipeline.magento.putInvoice(id, CanonicalInvoices.gbpRegistered(id));
        }
        pipeline.sage.faults()
                .randomly("POST", "/sales_invoices", 0.35, random, Kind.FAIL_AFTER_CREATE, Kind.THROTTLE, Kind.DROP,
                        Kind.DROP_AFTER_CREATE)
                .randomly("POST", "/contacts", 0.35, random, Kind.FAIL_AFTER_CREATE, Kind.THROTTLE,
                        Kind.DROP_AFTER_CREATE)
                .randomly("GET", "/", 0.15, random, Kind.THROTTLE, Kind.DROP);
        pipeline.magento.randomFaults(0.25, random, 502, 503);
        long started = System.nanoTime();

        Map<String, Integer> answers = new ConcurrentHashMap<>();
        Map<Long, Set<String>> runIds = new ConcurrentHashMap<>();
        List<Future<?>> deliveries = new ArrayList<>();
        try (ExecutorService outbox = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long id = FIRST_ID; id < FIRST_ID + INVOICES; id++) {
                for (int copy = 0; copy < 3; copy++) {
                    long invoice = id;
                    deliveries.add(outbox.submit(() -> deliver(invoice, answers, runIds)));
                }
            }
            for (Future<?> f : deliveries) {
                f.get();
            }
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline && !allFinal()) {
            Thread.sleep(250);
        }
        Map<Kind, Integer> sageFaults = new TreeMap<>(pipeline.sage.faults().injected());
        Map<Integer, Integer> magentoFaults = new TreeMap<>(pipeline.magento.randomFaultsInjected());
        pipeline.magento.randomFaults(0, random);
        pipeline.sage.faults().reset();

        Map<Long, SyncStateRow> chips = chips();
        Map<String, Long> postsByReference = pipeline.sage.invoices().stream()
                .collect(Collectors.groupingBy(i -> i.path("reference").asText(), TreeMap::new,
                        Collectors.counting()));
        long synced = chips.values().stream().filter(r -> "synced".equals(r.syncStatus())).count();
        long final_ = chips.values().stream().filter(r -> Set.of("synced", "skipped", "failed")
                .contains(r.syncStatus())).count();
        long postedTwice = postsByReference.values().stream().filter(n -> n > 1).count();
        long lost = INVOICES - chips.size();
        System.out.printf("chaos (seed %d): %d invoices x 3 concurrent deliveries in %.1f s; webhook answers %s; "
                        + "Sage faults %s; Magento faults %s; synced %d, posted twice %d, lost %d, chips final %d, "
                        + "Sage invoices %d%n", SEED, INVOICES, (System.nanoTime() - started) / 1e9,
                new TreeMap<>(answers), sageFaults, magentoFaults, synced, postedTwice, lost, final_,
                pipeline.sage.invoices().size());

        assertThat(answers.keySet()).as("no delivery was dead-lettered by Magento (4xx)")
                .allMatch(k -> !k.startsWith("4"));
        assertThat(runIds).hasSize(INVOICES).allSatisfy((id, ids) -> assertThat(ids).as("run ids of " + id)
                .hasSize(1));
        assertThat(lost).isZero();
        assertThat(synced).isEqualTo(INVOICES);
        assertThat(postedTwice).isZero();
        assertThat(pipeline.sage.invoices()).hasSize(INVOICES);
        chips.forEach((id, row) -> assertThat(row.providerEntityId()).as("chip of " + id).isIn(
                pipeline.sage.invoices().stream().map(i -> i.path("id").asText()).toList()));
        assertThat(sageFaults.getOrDefault(Kind.FAIL_AFTER_CREATE, 0) + sageFaults.getOrDefault(Kind.DROP_AFTER_CREATE, 0))
                .as("faults after Sage committed were injected").isPositive();
        assertThat(magentoFaults).as("Magento 502/503 were injected").isNotEmpty();
        assertThat(pipeline.magento.rejections()).isEmpty();
        assertThat(pipeline.sage.validationFailures()).isEmpty();
    }

    /** One outbox row's delivery: retried like Magento's drain (transient → later), until a 2xx or a 4xx. */
    private Void deliver(long invoice, Map<String, Integer> answers, Map<Long, Set<String>> runIds)
            throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            String answer;
            try {
                HttpResponse<String> r = HTTP.send(webhook(invoice), HttpResponse.BodyHandlers.ofString());
                answer = Integer.toString(r.statusCode());
                if (r.statusCode() / 100 == 2) {
                    answers.merge(answer, 1, Integer::sum);
                    runIds.computeIfAbsent(invoice, k -> ConcurrentHashMap.newKeySet())
                            .add(JSON.readTree(r.body()).path("sync_run_id").asText());
                    return null;
                }
                if (r.statusCode() / 100 == 4) {
                    answers.merge(answer, 1, Integer::sum);
                    return null;
                }
            } catch (IOException e) {
                answer = "connection error";
            }
            answers.merge(answer, 1, Integer::sum);
            Thread.sleep(100);
        }
        answers.merge("gave up", 1, Integer::sum);
        return null;
    }

    private boolean allFinal() {
        Map<Long, SyncStateRow> chips = chips();
        return chips.size() == INVOICES && chips.values().stream().allMatch(r -> "synced".equals(r.syncStatus()))
                && pipeline.sage.invoices().size() >= INVOICES;
    }

    private Map<Long, SyncStateRow> chips() {
        return pipeline.magento.syncStates().stream()
                .filter(r -> "invoice".equals(r.entityType()) && r.magentoId() >= FIRST_ID
                        && r.magentoId() < FIRST_ID + INVOICES)
                .collect(Collectors.toMap(SyncStateRow::magentoId, Function.identity(), (a, b) -> b));
    }

    private HttpRequest webhook(long invoiceId) {
        String token = MagentoJwt.signOutbound(pipeline.settings.apiKey(), pipeline.settings.tenantId(),
                Instant.now(), UUID.randomUUID().toString());
        String body = "{\"magento_entity_id\":" + invoiceId + ",\"website_id\":1,\"store_id\":1,"
                + "\"occurred_at\":\"2026-04-30T10:11:12Z\",\"payload\":{\"increment_id\":\"" + invoiceId
                + "\",\"paid\":true}}";
        return HttpRequest.newBuilder(URI.create(pipeline.apiUrl() + "/webhooks/magento/"
                        + pipeline.settings.tenantId() + "/invoice.created"))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", "invoice.created:" + invoiceId)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

}
