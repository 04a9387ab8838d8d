package io.sagesync.local;

import io.sagesync.local.bench.FunctionProbe;
import io.sagesync.simulator.magento.CanonicalInvoices;
import io.sagesync.simulator.magento.MagentoJwt;
import io.sagesync.simulator.sage.SageSimulator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Cold start, priming and memory per function ({@code make bench-cold}, issue 13). For each of webhook, sync and
 * push, {@code runs} fresh JVMs without priming and {@code runs} with (C1 only and SerialGC, as Lambda's java21
 * runtime, heap capped at 85 % of {@code -Dmem} MB) each build the handler from the environment, handle a first
 * event and {@code n - 1} more, then report heap and RSS ({@link FunctionProbe}). The sync and push probes consume
 * real messages: this JVM accepts webhooks with the workers off and hands the queued bodies to the child, then
 * collects the push jobs the sync child queued for the push child. Each child runs on its function's Lambda
 * classpath (classes + target/lambda/lib), so a jar trimmed from a zip that the function still needs fails here.
 */
public final class ColdStartBenchmark {
    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("runs", 3);
        int n = Integer.getInteger("n", 40);
        int memoryMb = Integer.getInteger("mem", 512);
        System.out.printf("cold start: %d runs x (unprimed, primed) per function, %d events each, -Xmx%dm "
                + "(85%% of %d MB), load %s%n", runs, n, memoryMb * 85 / 100, memoryMb, BacklogBenchmark.loadAverage());
        for (String module : List.of("webhook", "sync", "sync-state-push", "admin", "console")) {
            System.out.println("artifact " + module + ": " + artifact(repositoryRoot().resolve("functions/" + module)));
        }
        LocalSettings d = LocalSettings.fromEnv(Map.of());
        LocalSettings settings = new LocalSettings(LocalModeIntegrationTest.freePort(), d.tenantId(), d.apiKey(),
                null, null, null, null, null, null, null, null, false);
        Map<String, List<Map<String, Long>>> results = new LinkedHashMap<>();
        try (LocalPipeline p = LocalPipeline.start(settings, Clock.systemUTC(),
                LocalPipeline.Tuning.DEFAULTS.withoutWorkers())) {
            long nextId = 700_000;
            // unprimed and primed alternate, so both see the same load
            for (int r = 0; r < runs; r++) {
                for (boolean primed : new boolean[] {false, true}) {
                    for (long id = nextId; id < nextId + n; id++) {
                        p.magento.putInvoice(id, CanonicalInvoices.gbpRegistered(id));
                    }
                    record(results, "webhook", primed, probe(p, "webhook", primed, n, memoryMb, tokens(p, n),
                            nextId));
                    Path syncJobs = drain(p, p.config.syncQueueUrl(), n);
                    record(results, "sync", primed, probe(p, "sync", primed, n, memoryMb, syncJobs, nextId));
                    Path pushJobs = drain(p, p.config.pushQueueUrl(), n);
                    record(results, "push", primed, probe(p, "push", primed, n, memoryMb, pushJobs, nextId));
                    nextId += n;
                }
            }
        }
        results.forEach((key, list) -> System.out.println(key + ": " + summary(list)));
        System.out.println("load at the end: " + BacklogBenchmark.loadAverage());
        System.exit(0);
    }

    private static void record(Map<String, List<Map<String, Long>>> results, String function, boolean primed,
                               Map<String, Long> r) {
        String key = function + (primed ? " primed" : " unprimed");
        results.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        System.out.println("  " + key + ": " + r);
    }

    /** Median of each figure over the runs, with the individual values of init and the first event. */
    private static String summary(List<Map<String, Long>> list) {
        StringBuilder out = new StringBuilder();
        for (String k : list.get(0).keySet()) {
            List<Long> values = list.stream().map(m -> m.get(k)).sorted().toList();
            out.append(k).append(" median ").append(values.get(values.size() / 2));
            if (k.startsWith("init") || k.startsWith("constructor") || k.startsWith("first")
                    || k.startsWith("rss_peak")) {
                out.append(" ").append(values);
            }
            out.append("; ");
        }
        return out.toString();
    }

    /**
     * The zip `make build-<Function>` lays out (classes at the root, jars in lib/), deflated as SAM zips it: its size
     * in MB and the number of jars.
     */
    static String artifact(Path module) throws Exception {
        Path classes = module.resolve("target/classes");
        Path lib = module.resolve("target/lambda/lib");
        var bytes = new java.io.ByteArrayOutputStream();
        int jars = 0;
        long unzipped = 0;
        try (var zip = new java.util.zip.ZipOutputStream(bytes);
             var files = Files.walk(classes);
             var libs = Files.list(lib)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                unzipped += add(zip, classes.relativize(f).toString(), f);
            }
            for (Path jar : libs.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                unzipped += add(zip, "lib/" + jar.getFileName(), jar);
                jars++;
            }
        }
        return String.format("%.2f MB zipped (%.2f MB unzipped), %d jars", bytes.size() / 1048576.0,
                unzipped / 1048576.0, jars);
    }

    private static long add(java.util.zip.ZipOutputStream zip, String name, Path file) throws Exception {
        zip.putNextEntry(new java.util.zip.ZipEntry(name));
        long size = Files.copy(file, zip);
        zip.closeEntry();
        return size;
    }

    /** The repository root: the working directory under make, its parent under Maven (which runs in local/). */
    static Path repositoryRoot() {
        return Files.isDirectory(Path.of("functions")) ? Path.of(".") : Path.of("..");
    }

    /** One freshly signed webhook token per event. */
    static Path tokens(LocalPipeline p, int n) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tokens.add(MagentoJwt.signOutbound(p.settings.apiKey(), p.settings.tenantId(), Instant.now(),
                    UUID.randomUUID().toString()));
        }
        Path file = Files.createTempFile("probe-tokens", ".txt");
        Files.write(file, tokens);
        return file;
    }

    /**
     * The function's Lambda zip as a classpath: its classes and target/lambda/lib (what `make build-<Function>`
     * copies), plus this module's test classes for the probe itself.
     */
    static String lambdaClasspath(String function) {
        String module = switch (function) {
            case "webhook" -> "functions/webhook";
            case "sync" -> "functions/sync";
            default -> "functions/sync-state-push";
        };
        Path root = repositoryRoot();
        return String.join(File.pathSeparator, root.resolve("local/target/test-classes").toString(),
                root.resolve(module + "/target/classes").toString(),
                root.resolve(module + "/target/lambda/lib").toString() + File.separator + "*");
    }

    /** Takes {@code n} messages off a queue (they were sent by the previous function) into a file, one per line. */
    static Path drain(LocalPipeline p, String queueUrl, int n) throws Exception {
        var sqs = p.aws.adminClients().sqs();
        List<String> bodies = new ArrayList<>();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (bodies.size() < n && System.nanoTime() < deadline) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            for (Message m : batch) {
                bodies.add(m.body());
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        if (bodies.size() < n) {
            throw new IllegalStateException("only " + bodies.size() + " of " + n + " messages on " + queueUrl);
        }
        Path file = Files.createTempFile("probe-jobs", ".txt");
        Files.write(file, bodies);
        return file;
    }

    static Map<String, Long> probe(LocalPipeline p, String function, boolean primed, int n, int memoryMb,
                                           Path jobs, long firstId) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = Files.createTempFile("probe", ".txt");
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xmx" + memoryMb * 85 / 100 + "m", "-Dn=" + n,
                "-cp", lambdaClasspath(function), FunctionProbe.class.getName(), function,
                Boolean.toString(primed), out.toString(), jobs.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(new File("/dev/null"));
        Map<String, String> env = pb.environment();
        var cfg = p.config;
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_ENDPOINT_URL_DYNAMODB", p.aws.dynamoDbEndpoint().toString());
        env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", p.aws.secretsManagerEndpoint().toString());
        env.put("AWS_ENDPOINT_URL_SQS", p.aws.sqsEndpoint().toString());
        env.put("SAGESYNC_TENANT_ID", cfg.tenantId());
        env.put("SAGESYNC_TABLE", cfg.tableName());
        env.put("SAGESYNC_SYNC_QUEUE_URL", cfg.syncQueueUrl());
        env.put("SAGESYNC_SYNC_DLQ_URL", cfg.syncDlqUrl());
        env.put("SAGESYNC_RETRY_QUEUE_URL", cfg.retryQueueUrl());
        env.put("SAGESYNC_PUSH_QUEUE_URL", cfg.pushQueueUrl());
        env.put("SAGESYNC_TENANT_SECRET_ID", cfg.tenantSecretId());
        env.put("SAGESYNC_SAGE_SECRET_ID", cfg.sageSecretId());
        env.put("SAGESYNC_MAGENTO_BASE_URL", p.magento.baseUrl());
        env.put("SAGESYNC_SAGE_BASE_URL", p.sage.baseUrl());
        env.put("SAGESYNC_SAGE_BUSINESS_ID", SageSimulator.LEAD_BUSINESS_ID);
        env.put("SAGESYNC_SAGE_ACCESS_TOKEN", p.sage.issueTokens().accessToken());
        env.put("BENCH_FIRST_ID", Long.toString(firstId));
        Process process = pb.start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(function + " probe failed (exit " + process.exitValue() + ")");
        }
        Map<String, Long> r = new LinkedHashMap<>();
        for (String kv : Files.readString(out).trim().split(" ")) {
            String[] parts = kv.split("=");
            r.put(parts[0], Long.parseLong(parts[1]));
        }
        return r;
    }
}
