package io.sagesync.local.bench;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.sagesync.adapter.dynamodb.DynamoDbSyncRunStore;
import io.sagesync.adapter.dynamodb.DynamoDbXrefStore;
import io.sagesync.application.SyncWorkerSettings;
import io.sagesync.config.SagesyncConfig;
import io.sagesync.domain.EventName;
import io.sagesync.domain.SyncRun;
import io.sagesync.domain.Xref;
import io.sagesync.retry.InProcessRetry;
import io.sagesync.simulator.magento.CanonicalInvoices;
import io.sagesync.simulator.magento.MagentoJwt;
import io.sagesync.simulator.magento.MagentoSimulator;
import io.sagesync.simulator.sage.SageSimulator;
import io.sagesync.sync.SageSettings;
import io.sagesync.sync.SyncComposition;
import io.sagesync.sync.SyncHandler;
import io.sagesync.testkit.LocalAws;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Sync handler latency per invoice against the simulators vs the I/O floor it must do: the same Magento GET, the
 * same Sage invoice POST and the same DynamoDB reads/writes issued bare, in the same run. Contacts and reference
 * data are warm (cached / xref hit) in both, as in steady state. Prints medians and their ratio.
 * Run: {@code mvn -pl local -am test-compile} then this class's {@code main} on the test classpath.
 */
public final class SyncBenchmark {
    private static final String TENANT = "bench-tenant";
    private static final String API_KEY = "bench-api-key-0123456789abcdef0123456789abcdef";

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        try (LocalAws aws = LocalAws.start(); MagentoSimulator magento = MagentoSimulator.builder().tenantId(TENANT)
                .apiKey(API_KEY).start(); SageSimulator sage = SageSimulator.start()) {
            aws.putTenantApiKey(API_KEY);
            String token = sage.issueTokens().accessToken();
            SagesyncConfig b = aws.config(TENANT);
            SagesyncConfig config = new SagesyncConfig(TENANT, b.tableName(), b.syncQueueUrl(), b.syncDlqUrl(),
                    b.retryQueueUrl(), b.pushQueueUrl(), b.tenantSecretId(), b.sageSecretId(), b.keyCacheTtl(),
                    b.jwtLeeway(), magento.baseUrl(), sage.baseUrl());
            SyncHandler handler = new SyncHandler(SyncComposition.of(config, aws.clients(), Clock.systemUTC(),
                    new SageSettings(sage.baseUrl(), SageSimulator.LEAD_BUSINESS_ID, () -> token),
                    SyncWorkerSettings.defaults(), InProcessRetry.defaults()));
            var runs = new DynamoDbSyncRunStore(aws.clients().dynamoDb(), aws.tableName(), Clock.systemUTC());
            var xrefs = new DynamoDbXrefStore(aws.clients().dynamoDb(), aws.tableName(), Clock.systemUTC());
            String fifoArn = "arn:aws:sqs:us-east-1:000000000000:SyncQueue.fifo";
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            List<Long> handlerNanos = new ArrayList<>();
            List<Long> floorNanos = new ArrayList<>();
            for (int i = 0; i < n + 20; i++) {
                long id = 1000 + i;
                magento.putInvoice(id, CanonicalInvoices.gbpRegistered(id));
                String runId = "bench-" + id;
                Instant now = Instant.now();
                runs.createIfAbsent(SyncRun.builder(new SyncRun.Subject(runId, TENANT,
                        EventName.INVOICE_CREATED, id, "k" + id), now).enqueued(true).build());
                SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
                m.setMessageId("m" + id);
                m.setEventSourceArn(fifoArn);
                m.setBody("{\"v\":1,\"run_id\":\"" + runId + "\",\"tenant_id\":\"" + TENANT
                        + "\",\"event\":\"invoice.created\",\"magento_entity_id\":" + id
                        + ",\"website_id\":1,\"store_id\":1,\"enqueue_count\":1}");
                SQSEvent event = new SQSEvent();
                event.setRecords(List.of(m));
                long t0 = System.nanoTime();
                handler.handleRequest(event, null);
                long handlerTime = System.nanoTime() - t0;

                // the bare floor, the same I/O the handler must do, issued directly: GetItem run + UpdateItem
                // start + GetItem xref(invoice) + signed Magento GET of the invoice + GetItem binding + GetItem
                // xref(contact) + Sage POST /sales_invoices (valid body) + PutItem xref + SendMessage push +
                // UpdateItem finish
                long floorId = id + 500_000;
                magento.putInvoice(floorId, CanonicalInvoices.gbpRegistered(floorId));
                String contactId = sage.contacts().get(0).get("id").asText();
                String invoiceBody = "{\"sales_invoice\":{\"contact_id\":\"" + contactId + "\",\"date\":\""
                        + java.time.LocalDate.now() + "\",\"reference\":\"F" + floorId + "\",\"invoice_lines\":["
                        + "{\"description\":\"Kit\",\"ledger_account_id\":\"" + sage.ledgerAccountId("4000")
                        + "\",\"quantity\":\"2\",\"unit_price\":\"50.00\",\"tax_rate_id\":\"GB_STANDARD\","
                        + "\"tax_amount\":\"20.00\"}]}}";
                long nowSeconds = Instant.now().getEpochSecond();
                String magentoToken = MagentoJwt.signInbound(API_KEY, TENANT, nowSeconds, nowSeconds - 30,
                        nowSeconds + 120, java.util.UUID.randomUUID().toString());
                long f0 = System.nanoTime();
                runs.find(runId);
                runs.markEnqueued(runId, 1);
                xrefs.find("invoice:" + floorId);
                http.send(HttpRequest.newBuilder(URI.create(magento.baseUrl() + "/rest/V1/byte8/invoice/" + floorId))
                        .header("Authorization", "Bearer " + magentoToken).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                xrefs.find("binding:x");
                xrefs.find("contact:M5:GBP");
                http.send(HttpRequest.newBuilder(URI.create(sage.baseUrl() + "/sales_invoices"))
                        .header("Authorization", "Bearer " + token).header("X-Business", SageSimulator.LEAD_BUSINESS_ID)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(invoiceBody)).build(),
                        HttpResponse.BodyHandlers.ofString());
                xrefs.put("bench:" + id, new Xref("x", "r"));
                aws.clients().sqs().sendMessage(r -> r.queueUrl(config.pushQueueUrl()).messageBody("{}"));
                runs.markEnqueued(runId, 1);
                long floorTime = System.nanoTime() - f0;
                if (i >= 20) { // warm-up excluded
                    handlerNanos.add(handlerTime);
                    floorNanos.add(floorTime);
                }
            }
            double h = median(handlerNanos) / 1e6;
            double f = median(floorNanos) / 1e6;
            System.out.printf("invoices=%d handler_median_ms=%.2f io_floor_median_ms=%.2f ratio=%.2f%n", n, h, f,
                    h / f);
            System.out.printf("sage_validation_failures=%d magento_rejections=%d%n", sage.validationFailures().size(),
                    magento.rejections().size());
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private SyncBenchmark() {
    }
}
