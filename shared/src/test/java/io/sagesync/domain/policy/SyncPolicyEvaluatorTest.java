package io.sagesync.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.domain.magento.CanonicalContact;
import io.sagesync.domain.magento.CanonicalInvoice;
import io.sagesync.domain.magento.InvoiceState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncPolicyEvaluatorTest {
    private static CanonicalInvoice invoice(String grand, long website, long store, String created) {
        return new CanonicalInvoice(1, "1", null, null, website, store, "GBP", InvoiceState.OPEN,
                new CanonicalContact(0, "a@b.c", null, null, null, null, 0, null, List.of(), null, null), List.of(),
                null, null, null, null, null, new BigDecimal(grand), Instant.parse(created), null, null, null, null,
                null);
    }

    private static SyncPolicy policy(boolean unpaid, boolean zero, String since, List<Long> web, List<Long> store) {
        SyncPolicy d = SyncPolicy.defaults();
        return new SyncPolicy(unpaid, zero, since == null ? null : Instant.parse(since), web, store, false, false,
                null, null, null, null, Map.of(), Map.of(), null, d.customerNamePriority(),
                d.defaultEuGoodsServicesType(), d.productTypeEuGoodsMap(), d.b2cConsolidation(), "GBP", "GB");
    }

    @Test
    void defaults_proceedWithEverything() {
        assertThat(SyncPolicyEvaluator.evaluateInvoice(invoice("0", 9, 9, "2000-01-01T00:00:00Z"),
                SyncPolicy.defaults(), false).shouldProceed()).isTrue();
    }

    @Test
    void order_unpaidBeatsEveryOtherRule() {
        SyncPolicy strict = policy(false, false, "2026-01-01T00:00:00Z", List.of(1L), List.of(1L));
        assertThat(SyncPolicyEvaluator.evaluateInvoice(invoice("0", 9, 9, "2000-01-01T00:00:00Z"), strict, false)
                .reason()).contains(SkipReason.UNPAID_INVOICE_NOT_SYNCED);
        assertThat(SyncPolicyEvaluator.evaluateInvoice(invoice("0", 9, 9, "2000-01-01T00:00:00Z"), strict, true)
                .reason()).contains(SkipReason.ZERO_VALUE_INVOICE);
        assertThat(SyncPolicyEvaluator.evaluateInvoice(invoice("1", 9, 9, "2000-01-01T00:00:00Z"), strict, true)
                .reason()).contains(SkipReason.OUTSIDE_SYNC_SINCE);
        assertThat(SyncPolicyEvaluator.evaluateInvoice(invoice("1", 9, 9, "2026-01-01T00:00:00Z"), strict, true)
                .reason()).contains(SkipReason.WEBSITE_FILTERED);
        assertThat(SyncPolicyEvaluator.evaluateInvoice(invoice("1", 1, 9, "2026-01-01T00:00:00Z"), strict, true)
                .reason()).contains(SkipReason.STORE_FILTERED);
        assertThat(SyncPolicyEvaluator.evaluateInvoice(invoice("1", 1, 1, "2026-01-01T00:00:00Z"), strict, true)
                .shouldProceed()).isTrue();
    }

    @Test
    void zeroValue_comparesNumerically() {
        SyncPolicy p = policy(true, false, null, List.of(), List.of());
        assertThat(SyncPolicyEvaluator.evaluateInvoice(invoice("0.00", 1, 1, "2026-01-01T00:00:00Z"), p, true)
                .reason()).contains(SkipReason.ZERO_VALUE_INVOICE);
    }

    @Test
    void reasonCodes_areTheDocumentedStrings() {
        assertThat(List.of(SkipReason.values())).extracting(SkipReason::code).containsExactly(
                "unpaid_invoice_not_synced", "zero_value_invoice", "outside_sync_since", "website_filtered",
                "store_filtered", "product_sync_disabled", "PRODUCT_TYPE_NOT_SUPPORTED", "customer_not_in_sage");
    }
}
