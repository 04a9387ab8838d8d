package io.sagesync.local.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.sagesync.push.SyncStatePushHandler;
import io.sagesync.sync.SyncHandler;
import io.sagesync.webhook.WebhookHandler;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Child-JVM side of {@code make bench-cold}: one function, as Lambda starts it (no-arg handler constructor reading
 * the environment), optionally primed as SnapStart's beforeCheckpoint would, then its first event and {@code n - 1}
 * more (steady state), then its memory. Writes one line of {@code key=value} pairs to {@code args[2]}.
 *
 * <p>args: function (webhook | sync | push), primed (true | false), output file, and a file with one input per
 * line: the signed webhook token, or the SQS message body (parent-prepared, so nothing but the function's own
 * classes is loaded here: the parent runs this with the function's Lambda classpath, its classes plus lib/).
 */
public final class FunctionProbe {
    private FunctionProbe() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        String function = args[0];
        boolean primed = Boolean.parseBoolean(args[1]);
        List<String> bodies = args.length > 3 ? Files.readAllLines(Path.of(args[3])) : List.of();
        int n = Integer.getInteger("n", bodies.isEmpty() ? 50 : bodies.size());

        // CPU time of this thread alone: the constructor's own work, without the JIT and GC threads, and far less
        // sensitive than wall time to other processes on the machine
        var threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Invoker handler = switch (function) {
            case "webhook" -> webhook(bodies);
            case "sync" -> sqs(new SyncHandler(), "arn:aws:sqs:us-east-1:000000000000:sagesync-sync.fifo", bodies);
            case "push" -> sqs(new SyncStatePushHandler(), "arn:aws:sqs:us-east-1:000000000000:sagesync-push",
                    bodies);
            default -> throw new IllegalArgumentException(function);
        };
        long t1 = System.nanoTime();
        long constructorCpuNanos = threads.getCurrentThreadCpuTime() - cpu0;
        long constructedAt = System.currentTimeMillis();
        long cpuAtConstructed = processCpuMillis();
        if (primed) {
            String cls = switch (function) {
                case "webhook" -> "io.sagesync.webhook.SnapStartPriming";
                case "sync" -> "io.sagesync.sync.SnapStartPriming";
                default -> "io.sagesync.push.SnapStartPriming";
            };
            var prime = Class.forName(cls).getDeclaredMethod("prime");
            prime.setAccessible(true);
            prime.invoke(null);
        }
        long t2 = System.nanoTime();
        long readyAt = System.currentTimeMillis();
        handler.invoke(0);
        long t3 = System.nanoTime();
        for (int i = 1; i < n; i++) {
            handler.invoke(i);
        }
        long steadyNanos = System.nanoTime() - t3;
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        long liveHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed();
        Map<String, Long> status = procStatus();
        Files.writeString(Path.of(args[2]), String.join(" ",
                "init_ms=" + (constructedAt - jvmStart),
                "init_primed_ms=" + (readyAt - jvmStart),
                "init_cpu_ms=" + cpuAtConstructed,
                "constructor_ms=" + (t1 - t0) / 1_000_000,
                "constructor_cpu_ms=" + constructorCpuNanos / 1_000_000,
                "priming_ms=" + (t2 - t1) / 1_000_000,
                "first_ms=" + (t3 - t2) / 1_000_000,
                "steady_mean_ms=" + (n > 1 ? steadyNanos / 1_000_000 / (n - 1) : 0),
                "heap_peak_mb=" + heapPeak / (1 << 20),
                "heap_live_mb=" + liveHeap / (1 << 20),
                "nonheap_mb=" + nonHeap / (1 << 20),
                "rss_peak_mb=" + status.getOrDefault("VmHWM", 0L) / 1024,
                "rss_mb=" + status.getOrDefault("VmRSS", 0L) / 1024,
                "events=" + n));
    }

    /** Calls the handler with event number i; fails the probe on a wrong answer. */
    private interface Invoker {
        void invoke(int i) throws Exception;
    }

    /** Webhook events carry the tokens the parent signed (one per line), so no simulator class is needed here. */
    private static Invoker webhook(List<String> tokens) {
        WebhookHandler handler = new WebhookHandler();
        String tenant = System.getenv("SAGESYNC_TENANT_ID");
        long base = Long.parseLong(System.getenv().getOrDefault("BENCH_FIRST_ID", "1"));
        return i -> {
            String token = tokens.get(i);
            var event = APIGatewayV2HTTPEvent.builder()
                    .withPathParameters(Map.of("tenant_id", tenant, "event", "invoice.created"))
                    .withHeaders(Map.of("authorization", "Bearer " + token, "content-type", "application/json",
                            "idempotency-key", "invoice.created:" + (base + i)))
                    .withBody("{\"magento_entity_id\":" + (base + i) + ",\"website_id\":1,\"store_id\":1,"
                            + "\"occurred_at\":\"2026-11-27T10:11:12Z\",\"payload\":{\"increment_id\":\""
                            + (base + i) + "\",\"paid\":true}}")
                    .withIsBase64Encoded(false).build();
            int status = handler.handleRequest(event, null).getStatusCode();
            if (status != 202) {
                throw new IllegalStateException("webhook answered " + status);
            }
        };
    }

    private static Invoker sqs(com.amazonaws.services.lambda.runtime.RequestHandler<SQSEvent, SQSBatchResponse> h,
                               String arn, List<String> bodies) {
        return i -> {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId("probe-" + i);
            m.setBody(bodies.get(i));
            m.setEventSourceArn(arn);
            m.setEventSource("aws:sqs");
            m.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            SQSEvent event = new SQSEvent();
            event.setRecords(new ArrayList<>(List.of(m)));
            SQSBatchResponse r = h.handleRequest(event, null);
            if (r.getBatchItemFailures() != null && !r.getBatchItemFailures().isEmpty()) {
                throw new IllegalStateException("message " + i + " failed");
            }
        };
    }

    /** CPU time of the whole process so far (all threads: JIT and GC included), less sensitive to load than wall. */
    private static long processCpuMillis() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1_000_000 : -1;
    }

    private static Map<String, Long> procStatus() {
        Map<String, Long> out = new java.util.HashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                String[] kv = line.split(":\\s+");
                if (kv.length == 2 && kv[1].endsWith(" kB")) {
                    out.put(kv[0], Long.parseLong(kv[1].replace(" kB", "").trim()));
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // not Linux: no RSS figures
        }
        return out;
    }
}
