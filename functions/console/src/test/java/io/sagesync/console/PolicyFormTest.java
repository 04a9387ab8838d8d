package io.sagesync.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.adapter.policy.SyncPolicyJson;
import io.sagesync.domain.policy.SyncPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Settings form and the policy document: what the form shows, and what a submitted form saves. */
class PolicyFormTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SyncPolicyJson format = new SyncPolicyJson();

    @Test
    void theFormsFields_replaceTheirs_andEverythingElseIsKept() throws Exception {
        String stored = format.serialise(format.parse("{\"tax_rate_map\":{\"20\":\"GB_STANDARD\"},"
                + "\"payment_method_map\":{\"checkmo\":\"BANK1\",\"old\":null}}"));

        String saved = PolicyForm.apply(stored, Map.of("invoice_number_prefix", " WEB- ", "sync_products", "true",
                "default_purchase_ledger_account_id", "PL1", "website_filter", "1, 2", "payment_method_map.checkmo", "none", "payment_method_map.old", "",
                "payment_method_map.paypal", "BANK2"));
        SyncPolicy p = format.parse(saved);

        assertThat(p.invoiceNumberPrefix()).isEqualTo("WEB-");
        assertThat(p.syncProducts()).isTrue();
        assertThat(p.syncUnpaidInvoices()).as("an unticked box").isFalse();
        assertThat(p.websiteFilter()).containsExactly(1L, 2L);
        assertThat(p.paymentMethodMap()).containsEntry("checkmo", java.util.Optional.empty())
                .containsEntry("paypal", java.util.Optional.of("BANK2")).doesNotContainKey("old");
        assertThat(p.taxRateMap()).containsEntry("20.00", "GB_STANDARD");
        assertThat(JSON.readTree(saved).path("b2c_consolidation").isObject()).isTrue();
    }

    @Test
    void theStoredPolicy_becomesTheFormsValues() {
        var values = PolicyForm.values(format.serialise(format.parse(
                "{\"store_filter\":[3,4],\"payment_method_map\":{\"checkmo\":null,\"card\":\"B1\"}}")));
        assertThat(values).containsEntry("store_filter", "3, 4").containsEntry("sync_unpaid_invoices", "true")
                .containsEntry("payment_method_map.checkmo", "none").containsEntry("payment_method_map.card", "B1")
                .containsEntry("invoice_number_prefix", "");
    }

    @Test
    void parserMessages_becomeOneMessagePerField() {
        assertThat(PolicyForm.errors(List.of("sync_since: expected an ISO-8601 date-time",
                "payment_method_map.checkmo: X is not a Sage bank account")))
                .containsEntry("sync_since", "expected an ISO-8601 date-time")
                .containsEntry("payment_method_map.checkmo", "X is not a Sage bank account");
    }
}
