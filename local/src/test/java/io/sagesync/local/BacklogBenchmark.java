package io.sagesync.local;

import io.sagesync.local.bench.AwsCost;
import io.sagesync.local.bench.AwsRequestMeter;
import io.sagesync.simulator.magento.CanonicalContacts;
import io.sagesync.simulator.magento.CanonicalInvoices;
import io.sagesync.simulator.sage.LatencyModel;
import io.sagesync.simulator.sage.SageFaults;
import io.sagesync.simulator.sage.SageSimulator;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Black Friday backlog ({@code make bench-backlog}, issue 13): {@code n} invoices for {@code customers} customers
 * (interleaved, so each customer's first invoice creates its contact and the rest find it) are accepted by the
 * webhook with the workers off, so they all wait in the tenant's FIFO group; then the workers start and the drain is
 * timed until every chip is terminal. The Sage simulator adds a log-normal latency to every call (p50 250 ms, p95
 * 800 ms by default).
 *
 * <p>Floors, from the same run: the serial floor is (the minimum Sage calls: one POST per invoice, one per new
 * contact) × the mean latency the simulator actually added during the drain; the second floor is the sum of the
 * latency added to the calls the pipeline actually made. AWS requests are counted at the SDK's wire for the whole
 * run (webhooks + drain) and priced by {@link AwsCost}.
 */
public final class BacklogBenchmark {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("n", 500);
        int customers = Integer.getInteger("customers", Math.max(1, n / 5));
        Duration p50 = Duration.ofMillis(Long.getLong("p50", 250));
        Duration p95 = Duration.ofMillis(Long.getLong("p95", 800));
        long seed = Long.getLong("seed", 20261130L);
        int returningCustomers = Integer.getInteger("returning", 0);
        System.out.printf("customers registered before Sage's 7-day idempotency window, not yet in Sage: %d%n",
                returningCustomers);
        System.out.printf("backlog: %d invoices, %d customers, Sage latency log-normal p50 %d ms p95 %d ms, "
                + "seed %d; load: %s%n", n, customers, p50.toMillis(), p95.toMillis(), seed, loadAverage());

        LocalSettings d = LocalSettings.fromEnv(Map.of());
        LocalSettings settings = new LocalSettings(LocalModeIntegrationTest.freePort(), d.tenantId(), d.apiKey(),
                null, null, null, null, null, null, null, null, false);
        AwsRequestMeter meter = new AwsRequestMeter();
        try (LocalPipeline p = LocalPipeline.start(settings, Clock.systemUTC(),
                LocalPipeline.Tuning.DEFAULTS.withoutWorkers(), List.of(meter))) {
            long firstId = 500_000;
            for (int i = 0; i < n; i++) {
                long id = firstId + i;
                long customerId = 9_000 + (i % customers);
                boolean returning = (customerId - 9_000) < returningCustomers;
                p.magento.putInvoice(id, CanonicalInvoices.builder(id).customer(customer(customerId, returning))
                        .build());
            }
            AwsRequestMeter.Counts atStart = meter.snapshot();
            var invocationsAtStart = p.invocations.snapshot();
            long sendStart = System.nanoTime();
            sendAll(p, firstId, n);
            double sendSeconds = (System.nanoTime() - sendStart) / 1e9;
            System.out.printf("accepted %d webhooks in %.1f s (workers off: all queued)%n", n, sendSeconds);

            SageFaults faults = p.sage.faults();
            faults.latency(LatencyModel.logNormal(p50, p95, new Random(seed)));
            Instant drainFrom = Instant.now();
            SageFaults.AddedLatency latencyBefore = faults.latencyAdded();
            Map<String, Double> waitBefore = meter.waitMillisByThread();
            Map<String, Double> lockBefore = p.aws.motoLockWaitMillisByThread();
            Map<String, Long> waitCallsBefore = meter.callsByThread();
            long drainStart = System.nanoTime();
            p.startWorkers();
            Map<String, Integer> terminal = awaitTerminal(p, firstId, n, Duration.ofMinutes(Long.getLong(
                    "timeoutMinutes", 120)));
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            SageFaults.AddedLatency latencyAfter = faults.latencyAdded();
            Thread.sleep(2_000); // the last pushes' SQS deletes
            AwsRequestMeter.Counts aws = meter.snapshot().minus(atStart);
            var lambda = InvocationMeter.between(invocationsAtStart, p.invocations.snapshot());

            Map<String, Long> sageCalls = sageCalls(p.sage, drainFrom);
            long sageTotal = sageCalls.values().stream().mapToLong(Long::longValue).sum();
            long contactsCreated = sageCalls.getOrDefault("POST /contacts", 0L);
            long minimumCalls = n + (long) Math.min(customers, n);
            long latencyCalls = latencyAfter.requests() - latencyBefore.requests();
            Duration latencyAdded = latencyAfter.total().minus(latencyBefore.total());
            double meanMs = latencyAdded.toNanos() / 1e6 / Math.max(1, latencyCalls);
            double serialFloor = minimumCalls * meanMs / 1000;
            double actualFloor = latencyAdded.toNanos() / 1e9;

            System.out.println("terminal chips: " + terminal);
            System.out.println("Sage calls during the drain: " + sageCalls);
            System.out.printf("Sage calls per invoice: %.3f vs minimum %.3f (%d calls, minimum %d = %d invoice "
                            + "POSTs + %d contact POSTs; %d contacts created)%n", (double) sageTotal / n,
                    (double) minimumCalls / n, sageTotal, minimumCalls, n, Math.min(customers, n), contactsCreated);
            System.out.printf("latency added by the simulator: %d calls (incl. OAuth), mean %.1f ms, total %.1f s%n",
                    latencyCalls, meanMs, actualFloor);
            System.out.printf("drain %.1f s; serial floor (minimum calls x mean sampled latency) %.1f s: "
                    + "ratio %.3f; vs the latency of the calls actually made (%.1f s): ratio %.3f; "
                    + "throughput %.2f invoices/s%n", drainSeconds, serialFloor, drainSeconds / serialFloor,
                    actualFloor, drainSeconds / actualFloor, n / drainSeconds);
            printWaits(n, drainSeconds, serialFloor, minus(meter.waitMillisByThread(), waitBefore),
                    minusCounts(meter.callsByThread(), waitCallsBefore),
                    minus(p.aws.motoLockWaitMillisByThread(), lockBefore));
            System.out.println("AWS requests (webhooks + drain): " + aws.requests());
            System.out.println("DynamoDB requests by item kind (whole run): " + meter.dynamoDbByItem());
            System.out.println("DynamoDB request units by item kind (whole run): " + meter.unitsByItem());
            System.out.printf("DynamoDB request units: %.1f RRU, %.1f WRU (%.2f / %.2f per invoice)%n",
                    aws.readUnits(), aws.writeUnits(), aws.readUnits() / n, aws.writeUnits() / n);
            System.out.println("Lambda (handler time): " + lambda);
            Map<String, Integer> memory = AwsCost.memoryFromTemplate();
            long invocations = lambda.values().stream().mapToLong(InvocationMeter.Totals::invocations).sum();
            double gbSeconds = lambda.entrySet().stream().mapToDouble(e -> e.getValue().gbSeconds(
                    memory.getOrDefault(e.getKey(), 1024))).sum();
            System.out.printf("Lambda: %.3f invocations and %.4f GB-s per invoice at MemorySize %s%n",
                    (double) invocations / n, gbSeconds / n, memory);
            System.out.print(AwsCost.report(n, aws, invocations, gbSeconds));
            System.out.println("load at the end: " + loadAverage());
        }
        System.exit(0);
    }

    /**
     * Customer {@code id}: a Black Friday sign-up (account created today), or with {@code returning} a customer
     * registered long before (January) who has no Sage contact yet: the worker must search Sage for that one's
     * reference before creating it (ContactResolver), one call more.
     */
    private static CanonicalContacts.Contact customer(long id, boolean returning) {
        CanonicalContacts.Contact jane = CanonicalContacts.janeSmith(id);
        String registered = returning ? jane.createdAt() : Instant.now().minus(Duration.ofHours(2)).toString();
        return new CanonicalContacts.Contact(id, "customer" + id + "@example.co.uk", "Cust", "Omer" + id, null,
                jane.phone(), jane.websiteId(), jane.groupId(), jane.addresses(), registered, registered);
    }

    /**
     * Where the drain's non-Sage time goes: the time each thread waited for the emulators. The sync handler's own
     * thread ({@code esm-sync}) is the tenant's critical path; {@code run-completion} (the runs' bookkeeping) and
     * {@code magento-prefetch} overlap it. The projection swaps the emulators' measured wait on the critical path for
     * a per-request latency typical of DynamoDB and SQS in-region (5 and 10 ms: assumptions, not measured here).
     */
    private static void printWaits(int n, double drainSeconds, double serialFloor, Map<String, Double> waits,
                                   Map<String, Long> calls, Map<String, Double> lockWaits) {
        System.out.println("AWS wait during the drain, by calling thread and service (ms per invoice, requests per "
                + "invoice, mean ms per request):");
        waits.forEach((k, ms) -> System.out.printf("  %-30s %8.1f ms %6.2f req %7.1f ms%n", k, ms / n,
                (double) calls.getOrDefault(k, 0L) / n, ms / Math.max(1, calls.getOrDefault(k, 0L))));
        System.out.println("waiting for another thread's moto call (local mode serialises them), ms per invoice: "
                + lockWaits.entrySet().stream().filter(e -> e.getValue() > 0).map(e -> String.format("%s %.1f",
                e.getKey(), e.getValue() / n)).toList());
        double criticalMs = waits.entrySet().stream().filter(e -> e.getKey().startsWith("esm-sync "))
                .mapToDouble(Map.Entry::getValue).sum() + lockWaits.getOrDefault("esm-sync", 0.0);
        long criticalCalls = calls.entrySet().stream().filter(e -> e.getKey().startsWith("esm-sync "))
                .mapToLong(Map.Entry::getValue).sum();
        for (int perRequestMs : new int[] {5, 10}) {
            double projected = drainSeconds - criticalMs / 1000 + criticalCalls * perRequestMs / 1000.0;
            System.out.printf("projection: critical-path AWS wait incl. moto lock %.1f s (%d requests) at %d ms "
                    + "each, in parallel as DynamoDB serves them -> drain "
                    + "%.1f s, ratio %.3f to the serial floor%n", criticalMs / 1000, criticalCalls, perRequestMs,
                    projected, projected / serialFloor);
        }
    }

    private static Map<String, Double> minus(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> delta = new TreeMap<>();
        after.forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0.0)));
        return delta;
    }

    private static Map<String, Long> minusCounts(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0L)));
        return delta;
    }

    private static void sendAll(LocalPipeline p, long firstId, int n) throws Exception {
        AtomicInteger failures = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        for (int i = 0; i < n; i++) {
            long id = firstId + i;
            senders.submit(() -> {
                for (int attempt = 1; attempt <= 10; attempt++) {
                    HttpResponse<String> r = HTTP.send(BenchWebhooks.invoiceCreated(p, id), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 202 || r.statusCode() == 200) {
                        return null;
                    }
                    if (r.statusCode() < 500) {
                        break;
                    }
                    Thread.sleep(500);
                }
                failures.incrementAndGet();
                return null;
            });
        }
        senders.shutdown();
        senders.awaitTermination(1, TimeUnit.HOURS);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " webhooks not accepted");
        }
    }

    private static Map<String, Integer> awaitTerminal(LocalPipeline p, long firstId, int n, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int next = 0;
        long lastReport = System.nanoTime();
        while (next < n && System.nanoTime() < deadline) {
            while (next < n && p.magento.syncState("invoice", firstId + next)
                    .map(r -> !"pending".equals(r.syncStatus())).orElse(false)) {
                next++;
            }
            if (System.nanoTime() - lastReport > 30_000_000_000L) {
                System.out.printf("  ... %d / %d terminal%n", next, n);
                lastReport = System.nanoTime();
            }
            Thread.sleep(50);
        }
        Map<String, Integer> byStatus = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            byStatus.merge(p.magento.syncState("invoice", firstId + i).map(r -> r.syncStatus()).orElse("none"), 1,
                    Integer::sum);
        }
        return byStatus;
    }

    private static Map<String, Long> sageCalls(SageSimulator sage, Instant from) {
        Map<String, Long> calls = new TreeMap<>();
        for (SageSimulator.RecordedRequest r : sage.requestLog()) {
            if (!r.at().isBefore(from) && !r.path().startsWith("/oauth")) {
                String path = r.path().replaceAll("/[0-9a-f]{32}$", "/{id}");
                calls.merge(r.method() + " " + path, 1L, Long::sum);
            }
        }
        return calls;
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
