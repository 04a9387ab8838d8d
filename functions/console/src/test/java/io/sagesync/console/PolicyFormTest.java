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
    void taxRatesB2cAndProductTypes_roundTripThroughTheForm() {
        String stored = format.serialise(format.parse("{\"tax_rate_map\":{\"20\":\"GB_STANDARD\",\"0\":\"GB_ZERO\"},"
                + "\"b2c_consolidation\":{\"enabled\":true,\"min_total_for_individual\":\"250\"}}"));
        Map<String, String> form = new java.util.HashMap<>(PolicyForm.values(stored));
        assertThat(form).containsEntry("tax_rate_map.20.00", "GB_STANDARD")
                .containsEntry("b2c_consolidation.enabled", "true")
                .containsEntry("b2c_consolidation.min_total_for_individual", "250")
                .containsEntry("product_type_eu_goods_map.virtual", "SERVICES");

        form.put("tax_rate_map.0.00", "");                      // picker emptied: mapping removed
        form.put("tax_rate_map.20.00", "GB_STANDARD_2");
        form.put("tax_rate_new.percent", "5");
        form.put("tax_rate_new.rate", "GB_LOWER");
        form.remove("b2c_consolidation.enabled");               // unticked
        form.put("b2c_consolidation.always_individual_for_b2b", "true");
        form.put("b2c_consolidation.fallback_contact_reference", "SHOP");
        form.put("product_type_eu_goods_map.virtual", "GOODS");
        form.put("product_type_new.type", "giftcard");
        form.put("product_type_new.value", "SERVICES");
        SyncPolicy p = format.parse(PolicyForm.apply(stored, form));

        assertThat(p.taxRateMap()).containsOnly(Map.entry("20.00", "GB_STANDARD_2"), Map.entry("5.00", "GB_LOWER"));
        assertThat(p.b2cConsolidation().enabled()).isFalse();
        assertThat(p.b2cConsolidation().alwaysIndividualForB2b()).isTrue();
        assertThat(p.b2cConsolidation().fallbackContactReference()).isEqualTo("SHOP");
        assertThat(p.b2cConsolidation().minTotalForIndividual()).isEqualByComparingTo("250");
        assertThat(p.productTypeEuGoodsMap()).containsEntry("virtual",
                io.sagesync.domain.policy.EuGoodsServicesType.GOODS).containsEntry("giftcard",
                io.sagesync.domain.policy.EuGoodsServicesType.SERVICES);
    }

    @Test
    void aFormWithoutTheB2cFields_leavesTheStoredB2cSettingsAlone() {
        String stored = format.serialise(format.parse("{\"b2c_consolidation\":{\"enabled\":true}}"));

        SyncPolicy p = format.parse(PolicyForm.apply(stored, Map.of()));

        assertThat(p.b2cConsolidation().enabled()).isTrue();
    }

    @Test
    void parserMessages_becomeOneMessagePerField() {
        assertThat(PolicyForm.errors(List.of("sync_since: expected an ISO-8601 date-time",
                "payment_method_map.checkmo: X is not a Sage bank account")))
                .containsEntry("sync_since", "expected an ISO-8601 date-time")
                .containsEntry("payment_method_map.checkmo", "X is not a Sage bank account");
    }
}
