package io.sagesync.local;

import io.sagesync.simulator.magento.CanonicalInvoices;
import io.sagesync.simulator.magento.MagentoJwt;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * End-to-end benchmark in local mode ({@code make bench-e2e}).
 *
 * <p>Latency: invoices one at a time, from the webhook's 202 to the sync-state POST arriving at the Magento
 * simulator, next to the simulators' own latencies for the same invoice measured in the same run (the bare
 * Magento GET, Sage POST /sales_invoices and Magento POST sync-state a sync needs; the contact already exists, so
 * the pipeline makes no contact call either).
 *
 * <p>Throughput: signed webhooks at a fixed rate for a minute; then the count of runs created, invoices posted to
 * Sage and pushes received by Magento, which must all be equal.
 */
public final class EndToEndBenchmark {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("n", 300);
        int ratePerSecond = Integer.getInteger("rate", 5);
        int seconds = Integer.getInteger("seconds", 60);
        LocalSettings d = LocalSettings.fromEnv(Map.of());
        LocalSettings settings = new LocalSettings(LocalModeIntegrationTest.freePort(), d.tenantId(), d.apiKey(),
                null, null, null, null, null, null, null, null, false);
        try (LocalPipeline p = LocalPipeline.start(settings, Clock.systemUTC())) {
            long id = 10_000;
            for (int i = 0; i < 20; i++) {
                syncOne(p, id++);
                floorOne(p, id + 1_000_000);
            }
            long[] e2e = new long[n];
            long[] floor = new long[n];
            for (int i = 0; i < n; i++) {
                e2e[i] = syncOne(p, id++);
                floor[i] = floorOne(p, id + 1_000_000);
            }
            if (n > 0) {
                report("end to end (202 -> sync-state received)", e2e);
                report("simulators' own latencies (Magento GET + Sage POST + Magento sync-state)", floor);
                System.out.printf("ratio end-to-end / simulators: median %.2f, p95 %.2f%n",
                        pct(e2e, 50) / pct(floor, 50), pct(e2e, 95) / pct(floor, 95));
            }
            throughput(p, 100_000, ratePerSecond, seconds);
        }
    }

    /** One invoice: seed, POST the webhook, wait for the mirror row to say synced; returns 202 → synced in ns. */
    static long syncOne(LocalPipeline p, long invoiceId) throws Exception {
        p.magento.putInvoice(invoiceId, CanonicalInvoices.gbpRegistered(invoiceId));
        HttpResponse<String> accepted = HTTP.send(BenchWebhooks.invoiceCreated(p, invoiceId), HttpResponse.BodyHandlers.ofString());
        long t0 = System.nanoTime();
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("webhook answered " + accepted.statusCode());
        }
        long deadline = t0 + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (p.magento.syncState("invoice", invoiceId).map(r -> "synced".equals(r.syncStatus()))
                    .orElse(false)) {
                return System.nanoTime() - t0;
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("invoice " + invoiceId + " not synced within 30 s");
    }

    /** The simulator calls one invoice's sync needs, issued bare with fresh tokens. */
    static long floorOne(LocalPipeline p, long invoiceId) throws Exception {
        p.magento.putInvoice(invoiceId, CanonicalInvoices.gbpRegistered(invoiceId));
        String contactId = p.sage.contacts().get(0).get("id").asText();
        String sageToken = p.sage.issueTokens().accessToken();
        String body = "{\"sales_invoice\":{\"contact_id\":\"" + contactId + "\",\"date\":\"" + LocalDate.now()
                + "\",\"reference\":\"F" + invoiceId + "\",\"invoice_lines\":[{\"description\":\"Kit\","
                + "\"ledger_account_id\":\"" + p.sage.ledgerAccountId("4000") + "\",\"quantity\":\"1\","
                + "\"unit_price\":\"100.00\",\"tax_rate_id\":\"GB_STANDARD\",\"tax_amount\":\"20.00\"}]}}";
        String syncState = "{\"entity_type\":\"invoice\",\"magento_entity_id\":" + invoiceId
                + ",\"provider\":\"sage_accounting\",\"sync_status\":\"synced\",\"provider_entity_id\":\"x\"}";
        HttpRequest get = HttpRequest.newBuilder(URI.create(p.magento.baseUrl() + "/rest/V1/byte8/invoice/"
                + invoiceId)).header("Authorization", "Bearer " + inbound(p)).GET().build();
        HttpRequest post = HttpRequest.newBuilder(URI.create(p.sage.baseUrl() + "/sales_invoices"))
                .header("Authorization", "Bearer " + sageToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpRequest push = HttpRequest.newBuilder(URI.create(p.magento.baseUrl() + "/rest/V1/byte8/sync-state"))
                .header("Authorization", "Bearer " + inbound(p)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(syncState)).build();
        long t0 = System.nanoTime();
        expect(HTTP.send(get, HttpResponse.BodyHandlers.ofString()), 200);
        expect(HTTP.send(post, HttpResponse.BodyHandlers.ofString()), 201);
        expect(HTTP.send(push, HttpResponse.BodyHandlers.ofString()), 200);
        return System.nanoTime() - t0;
    }

    private static void throughput(LocalPipeline p, long firstId, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        int sageBefore = p.sage.invoices().size();
        int pushesBefore = p.magento.syncStateCalls().size();
        Set<String> runIds = ConcurrentHashMap.newKeySet();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        List<Long> ids = new ArrayList<>();
        ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long id = firstId + i;
            ids.add(id);
            p.magento.putInvoice(id, CanonicalInvoices.gbpRegistered(id));
            long due = start + (long) (i * 1e9 / rate);
            while (System.nanoTime() < due) {
                Thread.sleep(1);
            }
            senders.submit(() -> {
                // as Magento's outbox does: 2xx done, 5xx retried later (here after 1 s, at most 10 times)
                for (int attempt = 1; attempt <= 10; attempt++) {
                    HttpResponse<String> r = HTTP.send(BenchWebhooks.invoiceCreated(p, id), HttpResponse.BodyHandlers.ofString());
                    statuses.merge(r.statusCode() + (attempt == 1 ? " first" : " retry"), 1, Integer::sum);
                    if (r.statusCode() == 202) {
                        accepted.incrementAndGet();
                        runIds.add(r.body());
                        return null;
                    }
                    if (r.statusCode() < 500) {
                        break;
                    }
                    Thread.sleep(1000);
                }
                other.incrementAndGet();
                return null;
            });
        }
        senders.shutdown();
        senders.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline && ids.stream().anyMatch(id -> p.magento.syncState("invoice", id)
                .map(r -> !"synced".equals(r.syncStatus())).orElse(true))) {
            Thread.sleep(100);
        }
        double drainSeconds = (System.nanoTime() - start) / 1e9;
        long synced = ids.stream().filter(id -> p.magento.syncState("invoice", id)
                .map(r -> "synced".equals(r.syncStatus())).orElse(false)).count();
        System.out.println("webhook answers (status, first attempt or retry): " + new java.util.TreeMap<>(statuses));
        retriedRuns(p);
        System.out.printf("throughput: %d webhooks at %d/s over %.1f s -> 202: %d (other: %d), runs created: %d, "
                        + "Sage invoices posted: %d, sync-state pushes received: %d, chips synced: %d; "
                        + "all done after %.1f s%n", total, rate, sendSeconds, accepted.get(), other.get(),
                runIds.size(), p.sage.invoices().size() - sageBefore, p.magento.syncStateCalls().size()
                        - pushesBefore, synced, drainSeconds);
    }

    /** Runs the worker had to start more than once, with their last error: where the throughput went. */
    private static void retriedRuns(LocalPipeline p) {
        Map<String, Integer> byReason = new java.util.TreeMap<>();
        p.aws.adminClients().dynamoDb().scanPaginator(b -> b.tableName(p.config.tableName())).items().forEach(item -> {
            var pk = item.get("pk");
            var attempts = item.get("attempts");
            if (pk != null && pk.s().startsWith("RUN#") && attempts != null && Integer.parseInt(attempts.n()) > 1) {
                String reason = item.containsKey("error_class") ? item.get("error_class").s() : "none";
                byReason.merge(reason + "/" + (item.containsKey("reason") ? item.get("reason").s() : "-"), 1,
                        Integer::sum);
            }
        });
        System.out.println("runs started more than once, by last error: " + byReason);
    }

    private static String inbound(LocalPipeline p) {
        long now = Instant.now().getEpochSecond();
        return MagentoJwt.signInbound(p.settings.apiKey(), p.settings.tenantId(), now, now - 30, now + 120,
                UUID.randomUUID().toString());
    }

    private static void expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + r.statusCode() + ": " + r.body());
        }
    }

    private static void report(String what, long[] nanos) {
        System.out.printf("%s: median %.1f ms, p95 %.1f ms, p99 %.1f ms (n=%d)%n", what, pct(nanos, 50),
                pct(nanos, 95), pct(nanos, 99), nanos.length);
    }

    private static double pct(long[] nanos, double p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))] / 1e6;
    }
}
