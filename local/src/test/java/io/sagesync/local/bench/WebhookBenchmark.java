package io.sagesync.local.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.sagesync.simulator.magento.MagentoJwt;
import io.sagesync.testkit.LocalAws;
import io.sagesync.webhook.WebhookComposition;
import io.sagesync.webhook.WebhookHandler;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Warm webhook latency against ElasticMQ + moto, next to its I/O floor measured in the same run with the same
 * clients: the bare requests the handler cannot avoid (jti conditional put, the idempotency-key put, the run put,
 * the FIFO send, the enqueued mark). Handler and floor calls are interleaved so both see the same emulator load.
 * Then cold start: fresh JVMs from process start to the first 202. Run with {@code make bench-webhook}.
 * Tokens are minted outside the timed region: signing is Magento's cost, verifying is ours.
 */
public final class WebhookBenchmark {
    private static final String TENANT = "11111111-2222-4333-8444-555555555555";
    private static final String KEY = "bench-api-key-0123456789";

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("warmup", 300);
        int n = Integer.getInteger("n", 1000);
        int coldRuns = Integer.getInteger("cold", 5);
        try (LocalAws aws = LocalAws.start()) {
            aws.putTenantApiKey(KEY);
            var clients = aws.clients();
            var handler = new WebhookHandler(WebhookComposition.of(aws.config(TENANT), clients, Clock.systemUTC())
                    .acceptWebhook());
            String table = aws.tableName();
            String queue = aws.queueUrl("SyncQueue");

            for (int i = 0; i < warmup; i++) {
                check(handler.handleRequest(event(i), null).getStatusCode());
                floor(clients, table, queue, "w" + i);
                if (i % 50 == 49) {
                    aws.reset();
                    aws.putTenantApiKey(KEY);
                }
            }
            long[] handlerNanos = new long[n];
            long[] floorNanos = new long[n];
            for (int i = 0; i < n; i++) {
                APIGatewayV2HTTPEvent e = event(warmup + i);
                long t0 = System.nanoTime();
                int status = handler.handleRequest(e, null).getStatusCode();
                long t1 = System.nanoTime();
                floor(clients, table, queue, "f" + i);
                long t2 = System.nanoTime();
                check(status);
                handlerNanos[i] = t1 - t0;
                floorNanos[i] = t2 - t1;
                if (i % 50 == 49) {
                    // keep the table small, outside the timed region, so both series measure the same thing
                    // throughout (make bench-flat measures growth)
                    aws.reset();
                    aws.putTenantApiKey(KEY);
                }
            }
            Stats h = Stats.of(handlerNanos);
            Stats f = Stats.of(floorNanos);
            System.out.println("webhook handler (warm): " + h);
            System.out.println("I/O floor (5 bare calls): " + f);
            System.out.printf("ratio handler/floor: median %.2f, p95 %.2f%n", h.medianMs() / f.medianMs(),
                    h.p95Ms() / f.p95Ms());
            coldStart(aws, coldRuns);
        }
    }

    private static void check(int status) {
        if (status != 202) {
            throw new IllegalStateException("expected 202, got " + status);
        }
    }

    static APIGatewayV2HTTPEvent event(int i) {
        String token = MagentoJwt.signOutbound(KEY, TENANT, Instant.now(), UUID.randomUUID().toString());
        return APIGatewayV2HTTPEvent.builder()
                .withPathParameters(Map.of("tenant_id", TENANT, "event", "invoice.created"))
                .withHeaders(Map.of("authorization", "Bearer " + token, "content-type", "application/json",
                        "idempotency-key", "invoice.created:bench-" + UUID.randomUUID()))
                .withBody("{\"magento_entity_id\":" + (i + 1) + ",\"website_id\":1,\"store_id\":1,"
                        + "\"occurred_at\":\"2026-04-30T10:11:12Z\",\"payload\":{\"increment_id\":\"0000" + i
                        + "\",\"paid\":true}}")
                .withIsBase64Encoded(false).build();
    }

    /** The same five requests the handler makes, with the same shapes and conditions, and nothing else. */
    private static void floor(io.sagesync.config.AwsClients c, String table, String queue, String id) {
        String run = UUID.randomUUID().toString();
        long now = Instant.now().getEpochSecond();
        c.dynamoDb().putItem(b -> b.tableName(table).item(Map.of("pk", s("JTI#" + UUID.randomUUID()),
                        "sk", s("JTI"), "expires_at", n(now + 120)))
                .conditionExpression("attribute_not_exists(#pk) OR #exp < :now")
                .expressionAttributeNames(Map.of("#pk", "pk", "#exp", "expires_at"))
                .expressionAttributeValues(Map.of(":now", n(now))));
        c.dynamoDb().putItem(b -> b.tableName(table).item(Map.of("pk", s("IDEM#floor-" + id + run), "sk", s("IDEM"),
                        "run_id", s(run), "expires_at", n(now)))
                .conditionExpression("attribute_not_exists(#pk) OR #exp < :now")
                .expressionAttributeNames(Map.of("#pk", "pk", "#exp", "expires_at"))
                .expressionAttributeValues(Map.of(":now", n(now))));
        c.dynamoDb().putItem(b -> b.tableName(table).item(Map.of("pk", s("RUN#" + run), "sk", s("RUN"),
                        "status", s("queued"), "enqueue_count", n(1)))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", "pk")));
        c.sqs().sendMessage(b -> b.queueUrl(queue).messageBody("{\"run_id\":\"" + run + "\"}")
                .messageGroupId(TENANT).messageDeduplicationId(run + "-1"));
        c.dynamoDb().updateItem(b -> b.tableName(table).key(Map.of("pk", s("RUN#" + run), "sk", s("RUN")))
                .updateExpression("SET enqueued = :t").conditionExpression("enqueue_count = :n")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true), ":n", n(1))));
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    private static void coldStart(LocalAws aws, int runs) throws Exception {
        String cp = System.getProperty("java.class.path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Long> toFirst202 = new ArrayList<>();
        List<Long> initMs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Path out = Files.createTempFile("cold", ".txt");
            ProcessBuilder pb = new ProcessBuilder(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                    "-cp", cp, ColdStartProbe.class.getName(), out.toString())
                    .redirectErrorStream(true).redirectOutput(new File("/dev/null"));
            Map<String, String> env = pb.environment();
            var cfg = aws.config(TENANT);
            env.put("AWS_REGION", "us-east-1");
            env.put("AWS_ACCESS_KEY_ID", "test");
            env.put("AWS_SECRET_ACCESS_KEY", "test");
            env.put("AWS_ENDPOINT_URL_DYNAMODB", aws.dynamoDbEndpoint().toString());
            env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", aws.secretsManagerEndpoint().toString());
            env.put("AWS_ENDPOINT_URL_SQS", aws.sqsEndpoint().toString());
            env.put("SAGESYNC_TENANT_ID", TENANT);
            env.put("SAGESYNC_TABLE", cfg.tableName());
            env.put("SAGESYNC_SYNC_QUEUE_URL", cfg.syncQueueUrl());
            env.put("SAGESYNC_TENANT_SECRET_ID", cfg.tenantSecretId());
            env.put("BENCH_API_KEY", KEY);
            Process p = pb.start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("cold-start probe failed");
            }
            String[] parts = Files.readString(out).trim().split(",");
            toFirst202.add(Long.parseLong(parts[0]));
            initMs.add(Long.parseLong(parts[1]));
        }
        toFirst202.sort(Long::compare);
        initMs.sort(Long::compare);
        System.out.println("cold start, JVM start -> first 202 (C1 only, as Lambda): " + toFirst202 + " ms, median "
                + toFirst202.get(toFirst202.size() / 2) + " ms; of which handler construction (init): median "
                + initMs.get(initMs.size() / 2) + " ms");
    }
}
