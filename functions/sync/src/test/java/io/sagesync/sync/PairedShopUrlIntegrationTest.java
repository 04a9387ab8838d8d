package io.sagesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.sagesync.adapter.dynamodb.DynamoDbSyncRunStore;
import io.sagesync.adapter.sqs.SyncJobJson;
import io.sagesync.config.SagesyncConfig;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunStatus;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncRun;
import io.sagesync.simulator.magento.CanonicalInvoices;
import io.sagesync.simulator.magento.MagentoSimulator;
import io.sagesync.simulator.sage.SageSimulator;
import io.sagesync.testkit.LocalAws;
import io.sagesync.testkit.LocalAwsExtension;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A stack paired through the admin function has no MagentoBaseUrl parameter: the worker must find the shop in the
 * tenant secret, where pairing stored it beside the api_key.
 */
@ExtendWith(LocalAwsExtension.class)
class PairedShopUrlIntegrationTest {
    private static final String TENANT = "tenant-paired";
    private static final String API_KEY = "paired-api-key-0123456789";

    @Test
    void worker_findsTheShopInTheTenantSecret_whenTheStackParameterIsEmpty(LocalAws aws) {
        aws.reset();
        try (MagentoSimulator magento = MagentoSimulator.builder().tenantId(TENANT).apiKey(API_KEY).start();
             SageSimulator sage = SageSimulator.start()) {
            aws.adminClients().secretsManager().putSecretValue(b -> b.secretId("TenantSecret").secretString(
                    "{\"api_key\":\"" + API_KEY + "\",\"magento_base_url\":\"" + magento.baseUrl() + "/\"}"));
            magento.putInvoice(77, CanonicalInvoices.gbpRegistered(77));
            SagesyncConfig b = aws.config(TENANT);
            SagesyncConfig unpairedParameter = new SagesyncConfig(TENANT, b.tableName(), b.syncQueueUrl(),
                    b.syncDlqUrl(), b.retryQueueUrl(), b.pushQueueUrl(), b.tenantSecretId(), b.sageSecretId(),
                    b.keyCacheTtl(), b.jwtLeeway(), "", sage.baseUrl());
            String token = sage.issueTokens().accessToken();
            var handler = new SyncHandler(SyncComposition.of(unpairedParameter, aws.clients(), Clock.systemUTC(),
                    new SageSettings(sage.baseUrl(), SageSimulator.LEAD_BUSINESS_ID, () -> token)));
            var runs = new DynamoDbSyncRunStore(aws.adminClients().dynamoDb(), aws.tableName(), Clock.systemUTC());
            Instant now = Instant.now();
            runs.createIfAbsent(SyncRun.builder(new SyncRun.Subject("run-paired", TENANT, EventName.INVOICE_CREATED,
                    77, "invoice.created:77"), now).enqueued(true).build());
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("m-1");
            message.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:SyncQueue.fifo");
            message.setBody(SyncJobJson.write(new SyncJob("run-paired", TENANT, EventName.INVOICE_CREATED, 77, 1, 1,
                    1)));
            SQSEvent event = new SQSEvent();
            event.setRecords(List.of(message));

            var response = handler.handleRequest(event, null);

            assertThat(response.getBatchItemFailures()).isEmpty();
            assertThat(runs.find("run-paired").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(magento.requestCount("invoice/77")).isEqualTo(1);
            assertThat(magento.rejections()).isEmpty();
            assertThat(sage.invoices()).hasSize(1);
        }
    }
}
