package io.sagesync.domain.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-binding sync policy (wire contract §f), immutable. Nullable fields are {@code null} when unset.
 *
 * @param syncUnpaidInvoices             {@code false} → only invoices already paid at creation sync
 * @param syncZeroValueInvoices          {@code false} → skip {@code grand_total == 0}
 * @param syncSince                      nullable; entities created before it are skipped
 * @param websiteFilter                  website ids; empty = all
 * @param storeFilter                    store ids; empty = all
 * @param syncProducts                   master switch for product.upserted
 * @param syncStock                      with syncProducts: stock items and movements
 * @param defaultTaxRateId               nullable; fallback Sage tax rate for unmatched lines
 * @param defaultLedgerAccountId         nullable; sales ledger account for invoice lines (required to map)
 * @param defaultBankAccountId           nullable; bank account for unmapped payment methods
 * @param defaultPurchaseLedgerAccountId nullable; required when syncProducts
 * @param paymentMethodMap               Magento method code → Sage bank account id; an empty Optional is the
 *                                       explicit "None" (never auto-pay)
 * @param taxRateMap                     applied tax % canonicalised as {@code "%.2f"} ({@code "20.00"}) → Sage
 *                                       tax_rate_id; build with {@link #canonicalTaxKey(BigDecimal)}
 * @param invoiceNumberPrefix            nullable; prepended to invoice / credit-note references
 * @param customerNamePriority           Company or Person
 * @param defaultEuGoodsServicesType     catch-all for cross-border lines
 * @param productTypeEuGoodsMap          Magento product type → GOODS/SERVICES
 * @param b2cConsolidation               B2C consolidation settings
 * @param businessBaseCurrency           the Sage business's base currency (ISO-4217)
 * @param businessCountry                the Sage business's country (ISO-3166 alpha-2)
 * @param shippingLedgerAccountId        nullable; sales ledger account for the shipping line (UK chart: 4905
 *                                       "Distribution and carriage"); {@code defaultLedgerAccountId} when unset
 */
public record SyncPolicy(boolean syncUnpaidInvoices, boolean syncZeroValueInvoices, Instant syncSince,
                         List<Long> websiteFilter, List<Long> storeFilter, boolean syncProducts, boolean syncStock,
                         String defaultTaxRateId, String defaultLedgerAccountId, String defaultBankAccountId,
                         String defaultPurchaseLedgerAccountId, Map<String, Optional<String>> paymentMethodMap,
                         Map<String, String> taxRateMap, String invoiceNumberPrefix,
                         CustomerNamePriority customerNamePriority, EuGoodsServicesType defaultEuGoodsServicesType,
                         Map<String, EuGoodsServicesType> productTypeEuGoodsMap, B2cConsolidation b2cConsolidation,
                         String businessBaseCurrency, String businessCountry, String shippingLedgerAccountId) {

    /** A policy without a separate shipping ledger account (shipping goes to the default sales account). */
    public SyncPolicy(boolean syncUnpaidInvoices, boolean syncZeroValueInvoices, Instant syncSince,
                      List<Long> websiteFilter, List<Long> storeFilter, boolean syncProducts, boolean syncStock,
                      String defaultTaxRateId, String defaultLedgerAccountId, String defaultBankAccountId,
                      String defaultPurchaseLedgerAccountId, Map<String, Optional<String>> paymentMethodMap,
                      Map<String, String> taxRateMap, String invoiceNumberPrefix,
                      CustomerNamePriority customerNamePriority, EuGoodsServicesType defaultEuGoodsServicesType,
                      Map<String, EuGoodsServicesType> productTypeEuGoodsMap, B2cConsolidation b2cConsolidation,
                      String businessBaseCurrency, String businessCountry) {
        this(syncUnpaidInvoices, syncZeroValueInvoices, syncSince, websiteFilter, storeFilter, syncProducts,
                syncStock, defaultTaxRateId, defaultLedgerAccountId, defaultBankAccountId,
                defaultPurchaseLedgerAccountId, paymentMethodMap, taxRateMap, invoiceNumberPrefix,
                customerNamePriority, defaultEuGoodsServicesType, productTypeEuGoodsMap, b2cConsolidation,
                businessBaseCurrency, businessCountry, null);
    }

    public SyncPolicy {
        websiteFilter = List.copyOf(Objects.requireNonNull(websiteFilter, "website_filter"));
        storeFilter = List.copyOf(Objects.requireNonNull(storeFilter, "store_filter"));
        paymentMethodMap = Map.copyOf(Objects.requireNonNull(paymentMethodMap, "payment_method_map"));
        Map<String, String> canonical = new LinkedHashMap<>();
        Objects.requireNonNull(taxRateMap, "tax_rate_map").forEach((k, v) ->
                canonical.put(canonicalTaxKey(new BigDecimal(k.trim())), Objects.requireNonNull(v)));
        taxRateMap = Map.copyOf(canonical);
        Objects.requireNonNull(customerNamePriority, "customer_name_priority");
        Objects.requireNonNull(defaultEuGoodsServicesType, "default_eu_goods_services_type");
        productTypeEuGoodsMap = Map.copyOf(Objects.requireNonNull(productTypeEuGoodsMap));
        Objects.requireNonNull(b2cConsolidation, "b2c_consolidation");
        Objects.requireNonNull(businessBaseCurrency, "business_base_currency");
        Objects.requireNonNull(businessCountry, "business_country");
    }

    /** Documented default product-type map: physical types → GOODS, virtual/downloadable → SERVICES. */
    public static Map<String, EuGoodsServicesType> defaultProductTypeEuGoodsMap() {
        return Map.of("simple", EuGoodsServicesType.GOODS, "configurable", EuGoodsServicesType.GOODS,
                "bundle", EuGoodsServicesType.GOODS, "grouped", EuGoodsServicesType.GOODS,
                "virtual", EuGoodsServicesType.SERVICES, "downloadable", EuGoodsServicesType.SERVICES);
    }

    /** Every documented default; a UK (GB, GBP) business with nothing mapped yet. */
    public static SyncPolicy defaults() {
        return new SyncPolicy(true, true, null, List.of(), List.of(), false, false, null, null, null, null,
                Map.of(), Map.of(), null, CustomerNamePriority.COMPANY, EuGoodsServicesType.GOODS,
                defaultProductTypeEuGoodsMap(), B2cConsolidation.defaults(), "GBP", "GB");
    }

    /** Canonical tax-map key: the percentage rounded half-up to 2 dp, e.g. 20 → {@code "20.00"}. */
    public static String canonicalTaxKey(BigDecimal percent) {
        return percent.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** The ledger account of the shipping line: its own when set, else the default sales account. */
    public String shippingLedgerAccountIdOrDefault() {
        return shippingLedgerAccountId != null ? shippingLedgerAccountId : defaultLedgerAccountId;
    }

    /** A copy with Sage's view of the business (country, base currency) and ids filled from reference data. */
    public SyncPolicy completedWith(String taxRateId, String ledgerAccountId, String bankAccountId,
                                    String baseCurrency, String country) {
        return new SyncPolicy(syncUnpaidInvoices, syncZeroValueInvoices, syncSince, websiteFilter, storeFilter,
                syncProducts, syncStock, taxRateId, ledgerAccountId, bankAccountId, defaultPurchaseLedgerAccountId,
                paymentMethodMap, taxRateMap, invoiceNumberPrefix, customerNamePriority, defaultEuGoodsServicesType,
                productTypeEuGoodsMap, b2cConsolidation, baseCurrency, country, shippingLedgerAccountId);
    }

    /** True when {@code currency} is not the business base currency. */
    public boolean isForeignCurrency(String currency) {
        return !businessBaseCurrency.equalsIgnoreCase(currency);
    }
}
