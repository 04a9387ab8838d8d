package io.sagesync.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.simulator.sage.SageSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Local mode pointed at a "real" Sage business by configuration (base URL, token URL, client id/secret, refresh
 * token, business id) — here the Sage simulator's OAuth and API endpoints stand in for Sage's. This goes through the
 * deployed token path: the custodian refreshes the single-use refresh token through the DynamoDB lease and sends
 * the business from the stored connection as X-Business.
 */
class LocalRealSageIntegrationTest {

    @Test
    void configuredSageBusiness_isReachedThroughARefreshedToken() throws Exception {
        try (SageSimulator sage = SageSimulator.start()) {
            LocalSettings d = LocalSettings.fromEnv(Map.of());
            LocalSettings settings = new LocalSettings(LocalModeIntegrationTest.freePort(), d.tenantId(), d.apiKey(),
                    null, sage.baseUrl(), sage.tokenUrl(), "client-id", "client-secret",
                    sage.issueTokens().refreshToken(), SageSimulator.LEAD_BUSINESS_ID, null, false);
            try (LocalPipeline pipeline = LocalPipeline.start(settings, Clock.systemUTC())) {
                assertThat(pipeline.sage).as("no simulator started when Sage is configured").isNull();
                int refreshesBefore = sage.refreshCount();

                FirstSyncDemo.Timeline timeline = FirstSyncDemo.run(withSage(pipeline, sage), 42,
                        Duration.ofSeconds(60));

                assertThat(timeline.synced()).as("chip %s, runs %s", timeline.chip(), runs(pipeline)).isTrue();
                assertThat(sage.refreshCount() - refreshesBefore).isEqualTo(1);
                assertThat(sage.invalidGrantCount()).isZero();
                assertThat(sage.invoices()).hasSize(1);
                assertThat(sage.validationFailures()).isEmpty();
                assertThat(sage.requestLog()).filteredOn(r -> r.path().contains("/sales_invoices"))
                        .allSatisfy(r -> assertThat(r.business()).isEqualTo(SageSimulator.LEAD_BUSINESS_ID));
            }
        }
    }

    private static String runs(LocalPipeline pipeline) {
        return pipeline.aws.adminClients().dynamoDb().scan(b -> b.tableName(pipeline.config.tableName())).items()
                .stream().filter(i -> i.get("pk").s().startsWith("RUN#") || i.get("pk").s().startsWith("BINDING"))
                .map(i -> i.get("status") + "/" + i.get("error_class") + "/" + i.get("reason") + "/"
                        + i.get("sage_connection") + "/" + i.get("reason"))
                .toList().toString();
    }

    /** The demo reads Sage's request log; here "real" Sage is the outside simulator. */
    private static LocalPipeline withSage(LocalPipeline pipeline, SageSimulator sage) {
        return pipeline.withSageForInspection(sage);
    }
}
