package io.sagesync.local;

import io.sagesync.simulator.magento.CanonicalInvoices;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

/**
 * Does the webhook stay flat as the table grows? ({@code make bench-flat}, issue 9 item 2.) The whole of
 * {@code make local} (LocalPipeline: ElasticMQ, moto, both simulators, the three functions and their event sources)
 * receives {@code n} (default 10,000) invoices, one webhook at a time as Magento's outbox cron sends them, while the
 * sync and push workers drain the queues beside it. Reported: the median webhook latency (request sent → 202
 * received) of the first and of the last 1,000, and their ratio; the target is ≤ 1.2. Then every invoice must reach
 * Sage once and show a synced chip. {@code -Dworkers=false} leaves the queues undrained (webhook path only: the
 * table still grows by the jti, key and run of every invoice), for machines where the full run takes too long.
 */
public final class FlatnessBenchmark {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("n", 10_000);
        int window = Math.min(1_000, n / 2);
        long drainMinutes = Long.getLong("drainMinutes", 30);
        boolean workers = !"false".equals(System.getProperty("workers"));
        LocalSettings d = LocalSettings.fromEnv(Map.of());
        LocalSettings settings = new LocalSettings(LocalModeIntegrationTest.freePort(), d.tenantId(), d.apiKey(),
                null, null, null, null, null, null, null, null, false);
        LocalPipeline.Tuning tuning = workers ? LocalPipeline.Tuning.DEFAULTS
                : LocalPipeline.Tuning.DEFAULTS.withoutWorkers();
        try (LocalPipeline p = LocalPipeline.start(settings, Clock.systemUTC(), tuning)) {
            long firstId = 1_000_000;
            for (long id = firstId; id < firstId + n; id++) {
                p.magento.putInvoice(id, CanonicalInvoices.gbpRegistered(id));
            }
            long[] latency = new long[n];
            int retried = 0;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                HttpResponse<String> r;
                while (true) {
                    HttpRequest request = BenchWebhooks.invoiceCreated(p, firstId + i);
                    long t0 = System.nanoTime();
                    r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    latency[i] = System.nanoTime() - t0;
                    if (r.statusCode() < 500) {
                        break;
                    }
                    retried++; // as Magento's outbox does: a 5xx is retried (the timed attempt is the last one)
                    Thread.sleep(100);
                }
                if (r.statusCode() / 100 != 2) {
                    throw new IllegalStateException("webhook " + i + " answered " + r.statusCode() + " " + r.body());
                }
                if ((i + 1) % 1_000 == 0) {
                    System.out.printf("%d webhooks sent, median of the last 1000: %.2f ms%n", i + 1,
                            medianMs(latency, i + 1 - Math.min(1_000, i + 1), i + 1));
                }
            }
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            double first = medianMs(latency, 0, window);
            double last = medianMs(latency, n - window, n);
            System.out.printf("webhook latency: median of the first %d %.2f ms, of the last %d %.2f ms -> ratio %.3f "
                    + "(target <= 1.2); %d webhooks in %.1f s, %d answered 5xx first and were retried%n", window,
                    first, window, last, last / first, n, sendSeconds, retried);
            if (!workers) {
                System.out.printf("workers off: %d runs queued, %d jobs in the sync queue%n", n,
                        Long.parseLong(p.aws.adminClients().sqs().getQueueAttributes(b -> b
                                .queueUrl(p.config.syncQueueUrl()).attributeNamesWithStrings(
                                        "ApproximateNumberOfMessages")).attributesAsStrings()
                                .get("ApproximateNumberOfMessages")));
                return;
            }
            long deadline = System.nanoTime() + drainMinutes * 60_000_000_000L;
            long synced = 0;
            while (System.nanoTime() < deadline) {
                synced = p.magento.syncStates().stream().filter(r -> "synced".equals(r.syncStatus())).count();
                if (synced >= n) {
                    break;
                }
                Thread.sleep(1_000);
            }
            System.out.printf("after %.1f s: Sage invoices posted %d, chips synced %d of %d%n",
                    (System.nanoTime() - start) / 1e9, p.sage.invoices().size(), synced, n);
        }
    }

    private static double medianMs(long[] nanos, int from, int to) {
        long[] slice = Arrays.copyOfRange(nanos, from, to);
        Arrays.sort(slice);
        return slice[slice.length / 2] / 1e6;
    }

}
