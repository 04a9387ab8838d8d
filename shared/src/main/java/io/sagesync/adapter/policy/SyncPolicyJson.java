package io.sagesync.adapter.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.domain.policy.B2cConsolidation;
import io.sagesync.domain.policy.PolicyValidationException;
import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.port.SyncPolicyFormat;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads and writes the sync policy as JSON with the documented snake_case names (§f). Omitted fields take their
 * documented default; unknown fields and malformed values are rejected with one message per field.
 * B2C settings live in a nested {@code b2c_consolidation} object; the base currency and country are
 * {@code business_base_currency} and {@code business_country}.
 */
public final class SyncPolicyJson implements SyncPolicyFormat {
    /** Longest invoice_number_prefix accepted: leaves 10 of Sage's 25 reference characters for the number. */
    public static final int MAX_PREFIX_LENGTH = 15;

    private static final Set<String> TOP_FIELDS = Set.of("sync_unpaid_invoices", "sync_zero_value_invoices",
            "sync_since", "website_filter", "store_filter", "sync_products", "sync_stock", "default_tax_rate_id",
            "default_ledger_account_id", "default_bank_account_id", "default_purchase_ledger_account_id",
            "payment_method_map", "tax_rate_map", "invoice_number_prefix", "customer_name_priority",
            "default_eu_goods_services_type", "product_type_eu_goods_map", "b2c_consolidation",
            "business_base_currency", "business_country");
    private static final Set<String> B2C_FIELDS = Set.of("enabled", "fallback_contact_name",
            "fallback_contact_email", "fallback_contact_reference", "min_total_for_individual",
            "always_individual_for_b2b");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /**
     * Parses a policy document.
     *
     * @throws PolicyValidationException listing every offending field
     */
    @Override
    public SyncPolicy parse(String json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PolicyValidationException(List.of("$: malformed JSON"));
        }
        if (root == null || !root.isObject()) {
            throw new PolicyValidationException(List.of("$: expected a JSON object"));
        }
        PolicyFieldReader r = new PolicyFieldReader(root, "");
        r.rejectUnknown(TOP_FIELDS);
        SyncPolicy d = SyncPolicy.defaults();
        B2cConsolidation b2c = parseB2c(root.get("b2c_consolidation"), r.errors);
        String prefix = r.text("invoice_number_prefix", d.invoiceNumberPrefix());
        if (prefix != null && prefix.length() > MAX_PREFIX_LENGTH) {
            r.errors.add("invoice_number_prefix: at most " + MAX_PREFIX_LENGTH + " characters");
        }
        String currency = r.text("business_base_currency", d.businessBaseCurrency());
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            r.errors.add("business_base_currency: expected a 3-letter upper-case ISO-4217 code");
        }
        String country = r.text("business_country", d.businessCountry());
        if (country == null || !COUNTRY.matcher(country).matches()) {
            r.errors.add("business_country: expected a 2-letter upper-case ISO-3166 code");
        }
        SyncPolicy policy = new SyncPolicy(
                r.bool("sync_unpaid_invoices", d.syncUnpaidInvoices()),
                r.bool("sync_zero_value_invoices", d.syncZeroValueInvoices()),
                r.instant("sync_since"),
                r.idList("website_filter"),
                r.idList("store_filter"),
                r.bool("sync_products", d.syncProducts()),
                r.bool("sync_stock", d.syncStock()),
                r.text("default_tax_rate_id", null),
                r.text("default_ledger_account_id", null),
                r.text("default_bank_account_id", null),
                r.text("default_purchase_ledger_account_id", null),
                r.paymentMap(),
                r.taxMap(),
                prefix,
                r.namePriority(),
                r.euType("default_eu_goods_services_type", d.defaultEuGoodsServicesType()),
                r.euMap(d.productTypeEuGoodsMap()),
                b2c,
                currency == null ? "GBP" : currency,
                country == null ? "GB" : country);
        if (policy.syncProducts() && policy.defaultPurchaseLedgerAccountId() == null) {
            r.errors.add("default_purchase_ledger_account_id: required when sync_products is true");
        }
        if (!r.errors.isEmpty()) {
            throw new PolicyValidationException(r.errors);
        }
        return policy;
    }

    private B2cConsolidation parseB2c(JsonNode node, List<String> errors) {
        B2cConsolidation d = B2cConsolidation.defaults();
        if (node == null || node.isNull()) {
            return d;
        }
        if (!node.isObject()) {
            errors.add("b2c_consolidation: expected an object");
            return d;
        }
        PolicyFieldReader r = new PolicyFieldReader(node, "b2c_consolidation.");
        r.errors = errors;
        r.rejectUnknown(B2C_FIELDS);
        String name = r.text("fallback_contact_name", d.fallbackContactName());
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add("b2c_consolidation.fallback_contact_name: required, at most 100 characters");
            name = d.fallbackContactName();
        }
        String email = r.text("fallback_contact_email", d.fallbackContactEmail());
        if (email == null || !EMAIL.matcher(email).matches() || email.length() > 100) {
            errors.add("b2c_consolidation.fallback_contact_email: expected a valid email address");
            email = d.fallbackContactEmail();
        }
        String ref = r.text("fallback_contact_reference", d.fallbackContactReference());
        if (ref == null || ref.isBlank() || ref.length() > 10) {
            errors.add("b2c_consolidation.fallback_contact_reference: required, at most 10 characters");
            ref = d.fallbackContactReference();
        }
        BigDecimal min = r.decimal("min_total_for_individual", d.minTotalForIndividual());
        if (min.signum() < 0) {
            errors.add("b2c_consolidation.min_total_for_individual: must not be negative");
        }
        return new B2cConsolidation(r.bool("enabled", d.enabled()), name, email, ref, min,
                r.bool("always_individual_for_b2b", d.alwaysIndividualForB2b()));
    }

    /** Serialises a policy with every field present (explicit nulls for unset ids). */
    @Override
    public String serialise(SyncPolicy p) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("sync_unpaid_invoices", p.syncUnpaidInvoices());
        o.put("sync_zero_value_invoices", p.syncZeroValueInvoices());
        o.put("sync_since", p.syncSince() == null ? null : p.syncSince().toString());
        p.websiteFilter().forEach(o.putArray("website_filter")::add);
        p.storeFilter().forEach(o.putArray("store_filter")::add);
        o.put("sync_products", p.syncProducts());
        o.put("sync_stock", p.syncStock());
        o.put("default_tax_rate_id", p.defaultTaxRateId());
        o.put("default_ledger_account_id", p.defaultLedgerAccountId());
        o.put("default_bank_account_id", p.defaultBankAccountId());
        o.put("default_purchase_ledger_account_id", p.defaultPurchaseLedgerAccountId());
        ObjectNode pm = o.putObject("payment_method_map");
        new TreeMap<>(p.paymentMethodMap()).forEach((k, v) -> pm.put(k, v.orElse(null)));
        ObjectNode tm = o.putObject("tax_rate_map");
        new TreeMap<>(p.taxRateMap()).forEach(tm::put);
        o.put("invoice_number_prefix", p.invoiceNumberPrefix());
        o.put("customer_name_priority", p.customerNamePriority().wireName());
        o.put("default_eu_goods_services_type", p.defaultEuGoodsServicesType().name());
        ObjectNode em = o.putObject("product_type_eu_goods_map");
        new TreeMap<>(p.productTypeEuGoodsMap()).forEach((k, v) -> em.put(k, v.name()));
        ObjectNode b = o.putObject("b2c_consolidation");
        B2cConsolidation c = p.b2cConsolidation();
        b.put("enabled", c.enabled());
        b.put("fallback_contact_name", c.fallbackContactName());
        b.put("fallback_contact_email", c.fallbackContactEmail());
        b.put("fallback_contact_reference", c.fallbackContactReference());
        b.put("min_total_for_individual", c.minTotalForIndividual().toPlainString());
        b.put("always_individual_for_b2b", c.alwaysIndividualForB2b());
        o.put("business_base_currency", p.businessBaseCurrency());
        o.put("business_country", p.businessCountry());
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an in-memory tree", e);
        }
    }
}
