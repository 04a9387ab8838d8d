package io.sagesync.domain.sage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CatalogSyncStateTest {

    @Test
    void encodesAndDecodes_kindFingerprintAndStock() {
        CatalogSyncState state = new CatalogSyncState(CatalogItemKind.STOCK_ITEM, "0a1b2c3d4e5f6789",
                new BigDecimal("42.500"));

        assertThat(state.encode()).isEqualTo("kind=stock_item;fp=0a1b2c3d4e5f6789;qty=42.5");
        assertThat(CatalogSyncState.decode(state.encode())).hasValueSatisfying(d -> {
            assertThat(d.kind()).isEqualTo(CatalogItemKind.STOCK_ITEM);
            assertThat(d.fingerprint()).isEqualTo("0a1b2c3d4e5f6789");
            assertThat(d.stockQty()).isEqualByComparingTo("42.5");
        });
    }

    @Test
    void unreadableState_isEmpty_soTheNextEventRewritesSage() {
        assertThat(CatalogSyncState.decode(null)).isEmpty();
        assertThat(CatalogSyncState.decode("garbage")).isEmpty();
        assertThat(CatalogSyncState.decode("kind=spaceship;fp=1")).isEmpty();
        assertThat(CatalogSyncState.decode("kind=product;fp=1;qty=lots")).isEmpty();
    }

    @Test
    void matches_comparesTheBodyAndForStockItemsTheStockByValue() {
        CatalogSyncState stock = new CatalogSyncState(CatalogItemKind.STOCK_ITEM, "fp", new BigDecimal("10"));
        CatalogSyncState product = new CatalogSyncState(CatalogItemKind.PRODUCT, "fp", null);

        assertThat(stock.matches("fp", new BigDecimal("10.0000"))).isTrue();
        assertThat(stock.matches("fp", new BigDecimal("9"))).isFalse();
        assertThat(stock.matches("other", new BigDecimal("10"))).isFalse();
        assertThat(new CatalogSyncState(CatalogItemKind.STOCK_ITEM, "fp", BigDecimal.ZERO)
                .matches("fp", new BigDecimal("-3"))).as("negative Magento stock is held as zero").isTrue();
        assertThat(product.matches("fp", new BigDecimal("5"))).as("a product's stock is not Sage's business")
                .isTrue();
    }

    @Test
    void theFingerprint_changesWithEveryFieldSent_butNotWithTheScaleOfAnAmount() {
        SageCatalogItem item = new SageCatalogItem(CatalogItemKind.PRODUCT, "SKU", "Bag", "L4000", "L5000",
                "GB_STANDARD", new BigDecimal("12.5"), new BigDecimal("34"), "price-type");

        assertThat(item.fingerprint()).matches("[0-9a-f]{16}")
                .isEqualTo(new SageCatalogItem(CatalogItemKind.PRODUCT, "SKU", "Bag", "L4000", "L5000", "GB_STANDARD",
                        new BigDecimal("12.50"), new BigDecimal("34.00"), "price-type").fingerprint())
                .isNotEqualTo(new SageCatalogItem(CatalogItemKind.PRODUCT, "SKU", "Bag", "L4000", "L5000",
                        "GB_STANDARD", new BigDecimal("12.5"), new BigDecimal("35"), "price-type").fingerprint())
                .isNotEqualTo(new SageCatalogItem(CatalogItemKind.PRODUCT, "SKU", "Bag!", "L4000", "L5000",
                        "GB_STANDARD", new BigDecimal("12.5"), new BigDecimal("34"), "price-type").fingerprint());
    }
}
