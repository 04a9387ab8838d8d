package io.sagesync.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** make local's catalogue step: a product becomes a Sage stock item, and a sale moves Sage's stock to Magento's. */
class LocalCatalogWalkthroughTest {
    private static LocalPipeline pipeline;

    @BeforeAll
    static void start() throws Exception {
        LocalSettings defaults = LocalSettings.fromEnv(Map.of());
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LocalSettings settings = new LocalSettings(port, defaults.tenantId(), defaults.apiKey(), null, null,
                null, null, null, null, null, null, false);
        pipeline = LocalPipeline.start(settings, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        pipeline.close();
    }

    @Test
    void aProductSave_andASale_bringSagesStockItemToMagentosStock() {
        CatalogDemo.Result result = CatalogDemo.run(pipeline, 301, 44, Duration.ofSeconds(60));

        assertThat(result.productSynced()).isTrue();
        assertThat(result.stockSaveDropped()).as("Magento's outbox keeps one product.upserted row per product")
                .isTrue();
        assertThat(result.stockFollowed()).isTrue();
        assertThat(result.stockInSage()).isEqualTo("97");
        assertThat(result.steps()).extracting(FirstSyncDemo.Step::name)
                .anySatisfy(n -> assertThat(n).contains("product.upserted -> HTTP 202"))
                .anySatisfy(n -> assertThat(n).startsWith("Sage POST /stock_items (24-MB01) -> 201"))
                .anySatisfy(n -> assertThat(n).startsWith("Sage POST /stock_movements (-3, after the invoice) -> 201"));
        assertThat(pipeline.magento.syncState("invoice", 44)).hasValueSatisfying(s ->
                assertThat(s.syncStatus()).isEqualTo("synced"));
        assertThat(pipeline.sage.validationFailures()).isEmpty();
    }
}
