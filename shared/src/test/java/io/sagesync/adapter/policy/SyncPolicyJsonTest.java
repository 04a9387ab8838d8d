package io.sagesync.adapter.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagesync.domain.policy.CustomerNamePriority;
import io.sagesync.domain.policy.EuGoodsServicesType;
import io.sagesync.domain.policy.PolicyValidationException;
import io.sagesync.domain.policy.SyncPolicy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyncPolicyJsonTest {
    private final SyncPolicyJson json = new SyncPolicyJson();

    @Test
    void emptyDocument_givesDocumentedDefaults() {
        assertThat(json.parse("{}")).isEqualTo(SyncPolicy.defaults());
        SyncPolicy d = SyncPolicy.defaults();
        assertThat(d.syncUnpaidInvoices()).isTrue();
        assertThat(d.customerNamePriority()).isEqualTo(CustomerNamePriority.COMPANY);
        assertThat(d.productTypeEuGoodsMap()).containsEntry("downloadable", EuGoodsServicesType.SERVICES)
                .containsEntry("bundle", EuGoodsServicesType.GOODS);
        assertThat(d.b2cConsolidation().fallbackContactReference()).isEqualTo("WEBSALES");
        assertThat(d.businessBaseCurrency()).isEqualTo("GBP");
        assertThat(d.businessCountry()).isEqualTo("GB");
    }

    @Test
    void taxRateMapKeys_areCanonicalised_andPaymentNoneIsExplicit() {
        SyncPolicy p = json.parse("""
                {"tax_rate_map": {"20": "GB_STANDARD", "5.0": "GB_LOWER"},
                 "payment_method_map": {"checkmo": null, "stripe_payments": "bank-1"}}
                """);
        assertThat(p.taxRateMap()).containsOnlyKeys("20.00", "5.00");
        assertThat(p.paymentMethodMap()).containsEntry("checkmo", Optional.empty())
                .containsEntry("stripe_payments", Optional.of("bank-1"));
    }

    @Test
    void invalidFields_areAllReportedPerField() {
        assertThatThrownBy(() -> json.parse("""
                {"colour": "red", "customer_name_priority": "Nickname", "default_eu_goods_services_type": "BOTH",
                 "tax_rate_map": {"twenty": "X", "20": "A", "20.0": "B"}, "sync_since": "last week",
                 "b2c_consolidation": {"fallback_contact_reference": "WEBSALES123", "fallback_contact_email": "nope",
                                       "extra": 1}}
                """)).isInstanceOfSatisfying(PolicyValidationException.class, e -> assertThat(e.fieldErrors())
                .anyMatch(m -> m.startsWith("colour: unknown field"))
                .anyMatch(m -> m.startsWith("customer_name_priority:"))
                .anyMatch(m -> m.startsWith("default_eu_goods_services_type:"))
                .anyMatch(m -> m.startsWith("tax_rate_map.twenty:"))
                .anyMatch(m -> m.contains("duplicates key 20.00"))
                .anyMatch(m -> m.startsWith("sync_since:"))
                .anyMatch(m -> m.startsWith("b2c_consolidation.fallback_contact_reference:"))
                .anyMatch(m -> m.startsWith("b2c_consolidation.fallback_contact_email:"))
                .anyMatch(m -> m.startsWith("b2c_consolidation.extra: unknown field")));
    }

    @Test
    void syncProducts_requiresPurchaseLedger() {
        assertThatThrownBy(() -> json.parse("{\"sync_products\": true}"))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("default_purchase_ledger_account_id");
    }

    @Test
    void serialise_thenParse_roundTrips() {
        SyncPolicy p = json.parse("""
                {"sync_unpaid_invoices": false, "sync_since": "2026-01-01T00:00:00Z", "website_filter": [1, 2],
                 "default_ledger_account_id": "L1", "tax_rate_map": {"20": "GB_STANDARD"},
                 "payment_method_map": {"checkmo": null}, "invoice_number_prefix": "MAG-",
                 "customer_name_priority": "Person", "product_type_eu_goods_map": {"giftcard": "SERVICES"},
                 "b2c_consolidation": {"enabled": true, "min_total_for_individual": 100},
                 "business_base_currency": "EUR", "business_country": "IE"}
                """);
        assertThat(p.productTypeEuGoodsMap()).containsEntry("giftcard", EuGoodsServicesType.SERVICES)
                .containsEntry("simple", EuGoodsServicesType.GOODS);
        assertThat(json.parse(json.serialise(p))).isEqualTo(p);
    }
}
