package io.sagesync.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import io.sagesync.adapter.sqs.PushJobJson;
import io.sagesync.adapter.sqs.SyncJobJson;
import io.sagesync.domain.EventName;
import io.sagesync.domain.PushJob;
import io.sagesync.domain.SyncJob;
import io.sagesync.simulator.magento.MagentoSimulator;
import io.sagesync.testkit.LocalAws;
import io.sagesync.testkit.LocalAwsExtension;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The SQS events in {@code events/} (one per job kind) parse as the jobs their functions read, and the push one is
 * delivered end to end by the real handler, so {@code sam local invoke} events cannot rot.
 */
@ExtendWith(LocalAwsExtension.class)
class SqsEventFilesIntegrationTest {

    @Test
    void syncAndRetryJobEvents_parseAsSyncJobs() {
        SQSEvent sync = EventLoader.loadSQSEvent("../../events/sqs-sync-job.json");
        SQSEvent retry = EventLoader.loadSQSEvent("../../events/sqs-retry-job.json");

        SyncJob first = SyncJobJson.read(sync.getRecords().get(0).getBody());
        SyncJob again = SyncJobJson.read(retry.getRecords().get(0).getBody());

        assertThat(first.event()).isEqualTo(EventName.INVOICE_CREATED);
        assertThat(first.magentoEntityId()).isEqualTo(42);
        assertThat(sync.getRecords().get(0).getEventSourceArn()).endsWith(".fifo");
        assertThat(again.enqueueCount()).isEqualTo(2);
        assertThat(retry.getRecords().get(0).getEventSourceArn()).doesNotEndWith(".fifo");
    }

    @ParameterizedTest
    @Event(value = "../../events/sqs-push-job.json", type = SQSEvent.class)
    void pushJobEvent_isDeliveredToMagentoByTheHandler(SQSEvent event, LocalAws aws) {
        PushJob job = PushJobJson.read(event.getRecords().get(0).getBody());
        assertThat(job.update().providerReference()).isEqualTo("SI-27");
        aws.reset();
        aws.putTenantApiKey(SyncStatePushIntegrationTest.API_KEY);
        try (MagentoSimulator magento = MagentoSimulator.builder().tenantId(SyncStatePushIntegrationTest.TENANT)
                .apiKey(SyncStatePushIntegrationTest.API_KEY).start()) {
            var handler = new SyncStatePushHandler(PushComposition.of(
                    aws.config(SyncStatePushIntegrationTest.TENANT), aws.clients(), Clock.systemUTC(),
                    magento.baseUrl()));

            assertThat(handler.handleRequest(event, null).getBatchItemFailures()).isEmpty();
            assertThat(magento.syncState("invoice", 42).orElseThrow().lastSyncAt()).isEqualTo("2026-04-30 10:12:03");
            assertThat(magento.rejections()).isEmpty();
        }
    }
}
