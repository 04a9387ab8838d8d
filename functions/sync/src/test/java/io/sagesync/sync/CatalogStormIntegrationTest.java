package io.sagesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sagesync.domain.EventName;
import io.sagesync.domain.RunStatus;
import io.sagesync.simulator.magento.CanonicalProducts;
import io.sagesync.testkit.LocalAws;
import io.sagesync.testkit.LocalAwsExtension;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14's storm on ElasticMQ + moto + both simulators: a catalogue import and the stock saves that follow it send
 * 2,000 {@code product.upserted} events for 200 products (150 managed-stock simples, 30 unmanaged simples, 20 virtual).
 * Eight rounds of 250 events, each drained before Magento's stock changes again: round 0 is the import (every product
 * once plus repeats), rounds 1-7 change the stock of some items (some saves set the stock it already had) and
 * interleave repeat saves of any product. Expected Sage writes are counted from a model of Magento, not written down:
 * one create per product and one movement per stock level Sage did not hold yet. Every run must end succeeded and
 * push {@code synced}.
 */
@ExtendWith(LocalAwsExtension.class)
class CatalogStormIntegrationTest {
    private static final String TENANT = "tenant-storm-it";
    private static final String API_KEY = "k3y-for-storm-integration-tests-0123456789abcdefgh";
    private static final int PRODUCTS = 200;
    private static final int STOCK_ITEMS = 150;
    private static final int SERVICES = 20;
    private static final int ROUNDS = 8;
    private static final int EVENTS_PER_ROUND = 250;

    private final LocalAws aws;
    private SyncPipeline pipeline;

    CatalogStormIntegrationTest(LocalAws aws) {
        this.aws = aws;
    }

    @BeforeEach
    void start() {
        pipeline = new SyncPipeline(aws, TENANT, API_KEY, 3);
        pipeline.savePolicy("{\"sync_products\":true,\"sync_stock\":true,\"default_purchase_ledger_account_id\":\""
                + pipeline.sage.ledgerAccountId("5000") + "\"}");
    }

    @AfterEach
    void stop() {
        pipeline.close();
    }

    @Test
    void twoThousandEventsFor200Products_giveOneWritePerProduct_andOnlyTheMovementsRealChangesNeed() {
        Random random = new Random(14);
        Map<Long, CanonicalProducts.Product> magento = new HashMap<>();
        Map<Long, BigDecimal> heldBySage = new HashMap<>();
        for (long id = 1; id <= PRODUCTS; id++) {
            CanonicalProducts.Product p = product(id, random);
            magento.put(id, p);
            pipeline.magento.putProduct(id, p.toJson());
            if (id <= STOCK_ITEMS) {
                heldBySage.put(id, BigDecimal.ZERO);
            }
        }
        List<String> runIds = new ArrayList<>();
        int expectedMovements = 0;
        int stockSavesWithoutChange = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<Long> events = new ArrayList<>();
            if (round == 0) {
                for (long id = 1; id <= PRODUCTS; id++) {
                    events.add(id); // the import: every product saved once
                }
            } else {
                for (int change = 0; change < 25; change++) {
                    long id = 1 + random.nextInt(STOCK_ITEMS);
                    BigDecimal qty = new BigDecimal(magento.get(id).stockQty());
                    BigDecimal next = random.nextInt(5) == 0 ? qty // a stock save that changes nothing
                            : qty.add(BigDecimal.valueOf(random.nextInt(7) - 4)).max(BigDecimal.ZERO);
                    CanonicalProducts.Product saved = magento.get(id)
                            .withStock(next.stripTrailingZeros().toPlainString());
                    magento.put(id, saved);
                    pipeline.magento.putProduct(id, saved.toJson());
                    events.add(id);
                }
            }
            while (events.size() < EVENTS_PER_ROUND) {
                events.add(1 + (long) random.nextInt(PRODUCTS)); // repeat saves, interleaved
            }
            java.util.Collections.shuffle(events, random);
            for (long id : events) {
                runIds.add(pipeline.queueRun(EventName.PRODUCT_UPSERTED, id, "product.upserted:" + id + ":"
                        + runIds.size()));
            }
            drain();
            // the model: a stock item whose Magento stock differs from what Sage holds needs exactly one movement
            for (long id = 1; id <= STOCK_ITEMS; id++) {
                BigDecimal now = new BigDecimal(magento.get(id).stockQty());
                if (now.compareTo(heldBySage.get(id)) != 0) {
                    expectedMovements++;
                    heldBySage.put(id, now);
                } else if (round > 0 && events.contains(id)) {
                    stockSavesWithoutChange++;
                }
            }
        }

        long productWrites = writes("POST", "/products") + writes("POST", "/services")
                + writes("POST", "/stock_items") + writes("PUT", "/products") + writes("PUT", "/services")
                + writes("PUT", "/stock_items");
        long movements = writes("POST", "/stock_movements");
        System.out.printf("storm: %d events, %d products -> %d product writes, %d stock movements (model: %d), "
                        + "%d stock reads, %d events with nothing new for Sage%n", runIds.size(), PRODUCTS,
                productWrites, movements, expectedMovements, writes("GET", "/stock_items/"),
                runIds.size() - productWrites - movements);

        assertThat(runIds).hasSize(ROUNDS * EVENTS_PER_ROUND);
        assertThat(productWrites).as("one write per product, none for repeats or stock saves").isEqualTo(PRODUCTS);
        assertThat(writes("POST", "/services")).isEqualTo(SERVICES);
        assertThat(writes("POST", "/stock_items")).isEqualTo(STOCK_ITEMS);
        assertThat(movements).as("only the movements real changes need").isEqualTo(expectedMovements);
        assertThat(stockSavesWithoutChange).as("the storm includes stock saves that change nothing").isPositive();
        for (JsonNode item : pipeline.sage.catalog("stock_items")) {
            long id = Long.parseLong(item.path("item_code").asText().substring("SKU-".length()));
            assertThat(item.path("quantity_in_stock").decimalValue()).as("Sage holds Magento's stock of " + id)
                    .isEqualByComparingTo(magento.get(id).stockQty());
        }
        // every chip final: one synced push per run (pushed before the run is marked), and the runs say so too
        assertThat(pipeline.pushStatuses()).hasSize(runIds.size()).containsOnly("synced");
        for (int i = 0; i < runIds.size(); i += 20) { // a sample: 2,000 consistent reads cost minutes on moto
            assertThat(pipeline.runs.find(runIds.get(i)).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        }
        pipeline.assertClean();
    }

    private static CanonicalProducts.Product product(long id, Random random) {
        if (id > PRODUCTS - SERVICES) {
            return CanonicalProducts.virtual(id, "virtual", "SKU-" + id, "Service " + id, "9.99");
        }
        String stock = id % 7 == 0 ? "0.0" : (1 + random.nextInt(50)) + ".0";
        CanonicalProducts.Product simple = CanonicalProducts.simple(id, (10 + id % 40) + ".5", stock);
        if (id > STOCK_ITEMS) {
            return new CanonicalProducts.Product(id, simple.sku(), simple.name(), "simple", simple.price(), null,
                    simple.cost(), null, simple.stockQty(), false, "2", List.of(1L), null, null);
        }
        return simple;
    }

    /** Feeds both queues to the handler until neither has anything left (FIFO hands out ten at a time). */
    private void drain() {
        for (int round = 0; round < 2_000; round++) {
            boolean sync = pipeline.processOnce("SyncQueue");
            boolean retry = pipeline.processOnce("RetryQueue");
            if (!sync && !retry) {
                return;
            }
        }
        throw new AssertionError("queues did not drain");
    }

    private long writes(String method, String path) {
        return pipeline.sage.requestCount(method, path);
    }
}
