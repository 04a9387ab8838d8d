package io.sagesync.domain.sage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagesync.domain.EntityType;
import io.sagesync.domain.EventName;
import io.sagesync.domain.magento.CanonicalAddress;
import io.sagesync.domain.magento.CanonicalContact;
import io.sagesync.domain.magento.CanonicalInvoice;
import io.sagesync.domain.magento.CanonicalInvoiceLine;
import io.sagesync.domain.magento.InvoiceState;
import io.sagesync.domain.policy.B2cConsolidation;
import io.sagesync.domain.policy.CustomerNamePriority;
import io.sagesync.domain.policy.SyncPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One small test per §g mapping rule (rule in the test name). */
class MappingRulesTest {
    private static final CanonicalAddress GB = new CanonicalAddress("billing", List.of("1 High St"), "London", null,
            "SW1A 1AA", "GB", null);
    private static final CanonicalAddress FR = new CanonicalAddress("billing", List.of("1 Rue"), "Paris", null,
            "75001", "FR", null);

    private static SyncPolicy policy() {
        SyncPolicy d = SyncPolicy.defaults();
        return new SyncPolicy(true, true, null, List.of(), List.of(), false, false, "GB_STANDARD", "L4000", null,
                null, Map.of(), Map.of("20", "GB_STANDARD", "5", "GB_LOWER", "0", "GB_ZERO"), null,
                CustomerNamePriority.COMPANY, d.defaultEuGoodsServicesType(), d.productTypeEuGoodsMap(),
                d.b2cConsolidation(), "GBP", "GB");
    }

    private static SyncPolicy withB2c(B2cConsolidation b2c) {
        SyncPolicy p = policy();
        return new SyncPolicy(true, true, null, List.of(), List.of(), false, false, p.defaultTaxRateId(),
                p.defaultLedgerAccountId(), null, null, Map.of(), p.taxRateMap(), null, p.customerNamePriority(),
                p.defaultEuGoodsServicesType(), p.productTypeEuGoodsMap(), b2c, "GBP", "GB");
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static CanonicalContact contact(long id, String email, String company) {
        return new CanonicalContact(id, email, "Jane", "Smith", company, "0207", 1, null, List.of(GB), null, null);
    }

    private static CanonicalInvoiceLine line(String sku, String name, String qty, String unit, String sub,
                                             String tax, String total, String type) {
        return new CanonicalInvoiceLine(sku, name, d(qty), d(unit), d(sub), d(tax), d(total), null, type);
    }

    private static CanonicalInvoice invoice(String currency, CanonicalAddress billing, List<CanonicalInvoiceLine> l,
                                            String ship, String shipTax, String discount, String grand,
                                            String rate) {
        return new CanonicalInvoice(1, "000000001", null, null, 1, 1, currency, InvoiceState.PAID,
                contact(5, "jane@example.com", null), l, null, null, d(ship), d(shipTax), d(discount), d(grand),
                Instant.parse("2026-04-30T23:59:59Z"), null, null, billing, null, rate == null ? null : d(rate));
    }

    @Test
    void contactReference_registeredIsMPlusId_foreignAppendsTheFullIsoCode_soCadAndChfDiffer() {
        CanonicalContact c = contact(5, "a@b.c", null);
        assertThat(ContactKeys.reference(c, "GBP", "GBP")).isEqualTo("M5");
        assertThat(ContactKeys.reference(c, "EUR", "GBP")).isEqualTo("M5EUR");
        assertThat(ContactKeys.reference(c, "CAD", "GBP")).isEqualTo("M5CAD")
                .isNotEqualTo(ContactKeys.reference(c, "CHF", "GBP"));
        // 7-digit ids do not fit "M" + id + code: base 36 after an N (1234567 = QGLJ in base 36)
        assertThat(ContactKeys.reference(contact(1234567, "a@b.c", null), "EUR", "GBP")).isEqualTo("NQGLJEUR");
        assertThat(ContactKeys.xrefKey(c, "eur")).isEqualTo("contact:M5:EUR");
    }

    @Test
    void contactReference_guestIsGPlusNineBase36_perCurrency_normalisedEmail() {
        CanonicalContact a = contact(0, " Max@Example.COM ", null);
        CanonicalContact b = contact(0, "max@example.com", null);
        String base = ContactKeys.reference(a, "GBP", "GBP");
        assertThat(base).matches("G[0-9A-Z]{9}").isEqualTo(ContactKeys.reference(b, "GBP", "GBP"));
        String eur = ContactKeys.reference(a, "EUR", "GBP");
        assertThat(eur).matches("G[0-9A-Z]{9}").isNotEqualTo(base)
                .isNotEqualTo(ContactKeys.reference(a, "USD", "GBP"));
        assertThat(ContactKeys.xrefKey(a, "GBP")).matches("contact:G[0-9a-f]{64}:GBP");
    }

    @Test
    void contactReference_guestHashes_doNotCollideAcrossManyGuests() {
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            seen.add(ContactKeys.reference(contact(0, "guest" + i + "@shop.example", null), "GBP", "GBP"));
        }
        assertThat(seen).hasSize(200_000);
    }

    @Test
    void contactName_getsCurrencySuffixForNonBase_withinHundredChars() {
        assertThat(ContactKeys.displayName("Jane Smith", "EUR", "GBP")).isEqualTo("Jane Smith (EUR)");
        assertThat(ContactKeys.displayName("Jane Smith", "GBP", "GBP")).isEqualTo("Jane Smith");
        assertThat(ContactKeys.displayName("x".repeat(120), "USD", "GBP")).hasSize(100).endsWith(" (USD)");
    }

    @Test
    void b2cRouting_firstMatchWins() {
        B2cConsolidation on = new B2cConsolidation(true, "Web Sales", "s@x.io", "WEBSALES", d("50"), true);
        SyncPolicy p = withB2c(on);
        assertThat(ContactRouting.route(contact(0, "a@b.c", null), d("10"), policy(), false).ruleCode())
                .isEqualTo("consolidation_disabled");
        assertThat(ContactRouting.route(contact(0, "a@b.c", "Acme"), d("10"), p, false).ruleCode())
                .isEqualTo("b2b_company");
        assertThat(ContactRouting.route(contact(0, "a@b.c", null), d("10"), p, true).ruleCode())
                .isEqualTo("repeat_customer");
        assertThat(ContactRouting.route(contact(0, "a@b.c", null), d("50"), p, false).ruleCode())
                .isEqualTo("above_min_total");
        ContactRoute fallback = ContactRouting.route(contact(0, "a@b.c", null), d("49.99"), p, false);
        assertThat(fallback.individual()).isFalse();
    }

    @Test
    void b2cRouting_zeroMinimumMeansRuleOff() {
        B2cConsolidation on = new B2cConsolidation(true, "Web Sales", "s@x.io", "WEBSALES", d("0"), true);
        assertThat(ContactRouting.route(contact(0, "a@b.c", null), d("999"), withB2c(on), false).individual())
                .isFalse();
    }

    @Test
    void fallbackContact_referencePerCurrency_noAddress_emailOnPerson() {
        B2cConsolidation on = new B2cConsolidation(true, "Web Sales", "s@x.io", "WEBSALES10", d("0"), true);
        SyncPolicy p = withB2c(on);
        assertThat(ContactRouting.fallbackReference(p, "GBP")).isEqualTo("WEBSALES10");
        assertThat(ContactRouting.fallbackReference(p, "EUR")).isEqualTo("WEBSALEEUR");
        assertThat(ContactRouting.fallbackReference(p, "CAD")).isNotEqualTo(ContactRouting.fallbackReference(p, "CHF"));
        SageContactRequest c = ContactRouting.fallbackContact(p, "EUR", null);
        assertThat(c.name()).isEqualTo("Web Sales (EUR)");
        assertThat(c.mainAddress()).isNull();
        assertThat(c.mainContactPerson().email()).isEqualTo("s@x.io");
    }

    @Test
    void contactName_companyPriority_vs_personPriority() {
        CanonicalContact c = contact(5, "jane@example.com", "Acme Ltd");
        SageContactRequest company = ContactMapper.map(c, "GBP", policy(), null);
        assertThat(company.name()).isEqualTo("Acme Ltd");
        assertThat(company.mainContactPerson().name()).isEqualTo("Jane Smith");
        assertThat(company.mainAddress().name()).isNull();
        SyncPolicy p = policy();
        SyncPolicy person = new SyncPolicy(true, true, null, List.of(), List.of(), false, false, null, null, null,
                null, Map.of(), Map.of(), null, CustomerNamePriority.PERSON, p.defaultEuGoodsServicesType(),
                p.productTypeEuGoodsMap(), p.b2cConsolidation(), "GBP", "GB");
        SageContactRequest byPerson = ContactMapper.map(c, "EUR", person, null);
        assertThat(byPerson.name()).isEqualTo("Jane Smith (EUR)");
        assertThat(byPerson.mainAddress().name()).isEqualTo("Acme Ltd");
        assertThat(byPerson.deliveryAddress()).isNotNull();
        assertThat(byPerson.reference()).isEqualTo("M5EUR");
        assertThat(byPerson.contactTypeIds()).containsExactly("CUSTOMER");
    }

    @Test
    void childRows_zeroValueWithPricedSiblingOfSameSku_areDropped() {
        var kept = InvoiceMapper.withoutChildRows(List.of(
                line("A", "Kit", "1", "10", "10", "2", "12", "configurable"),
                line("A", "Kit-child", "1", "0", "0", "0", "0", "simple"),
                line("B", "Free gift", "1", "0", "0", "0", "0", "simple")));
        assertThat(kept).extracting(CanonicalInvoiceLine::name).containsExactly("Kit", "Free gift");
    }

    @Test
    void taxRate_fromAppliedRateAfterDiscount_notTheDistortedCanonicalRatio() {
        CanonicalInvoice inv = invoice("GBP", GB, List.of(line("A", "Kit", "2", "50", "100", "18", "108", null)),
                "0", "0", "-10", "108", null);
        SageInvoiceLine l = InvoiceMapper.map(inv, policy(), "c", null).request().invoiceLines().get(0);
        assertThat(l.taxRateId()).isEqualTo("GB_STANDARD");
        assertThat(l.discountAmount()).isEqualByComparingTo("10");
        assertThat(l.taxAmount()).isEqualByComparingTo("18");
    }

    @Test
    void taxRate_unexplainedTax_isRefused_notPostedAtTheDefault_andWithoutDefaultIsNotMapped() {
        CanonicalInvoice inv = invoice("GBP", GB, List.of(line("A", "Book", "1", "10", "10", "1.50", "11.50", null)),
                "0", "0", "0", "11.50", null);
        assertThatThrownBy(() -> InvoiceMapper.map(inv, policy(), "c", null))
                .isInstanceOfSatisfying(MappingException.class,
                        e -> assertThat(e.code()).isEqualTo(InvoiceMapper.LINE_TAX_INCONSISTENT));
        SyncPolicy p = policy();
        SyncPolicy noDefault = new SyncPolicy(true, true, null, List.of(), List.of(), false, false, null, "L4000",
                null, null, Map.of(), p.taxRateMap(), null, p.customerNamePriority(), p.defaultEuGoodsServicesType(),
                p.productTypeEuGoodsMap(), p.b2cConsolidation(), "GBP", "GB");
        assertThatThrownBy(() -> InvoiceMapper.map(inv, noDefault, "c", null))
                .isInstanceOf(MappingException.class).hasMessageContaining("tax_rate_not_mapped");
        // a default whose percentage Sage does not list is used, with a stored warning
        SyncPolicy unknownDefault = new SyncPolicy(true, true, null, List.of(), List.of(), false, false, "GB_CUSTOM",
                "L4000", null, null, Map.of(), p.taxRateMap(), null, p.customerNamePriority(),
                p.defaultEuGoodsServicesType(), p.productTypeEuGoodsMap(), p.b2cConsolidation(), "GBP", "GB");
        InvoiceMappingResult r = InvoiceMapper.map(inv, unknownDefault, "c", null);
        assertThat(r.request().invoiceLines().get(0).taxRateId()).isEqualTo("GB_CUSTOM");
        assertThat(r.warnings()).containsExactly(MappingWarning.TAX_RATE_DEFAULTED);
    }

    @Test
    void taxRate_toleranceScalesWithQuantity_andZeroTaxIsNeverPositive() {
        SageBusiness uk = SageBusiness.seeded("GB", "GBP");
        assertThat(TaxRateResolver.resolve(d("28.50"), d("1.40"), d("10"), policy(), uk))
                .hasValueSatisfying(r -> assertThat(r.taxRateId()).isEqualTo("GB_LOWER"));
        assertThat(TaxRateResolver.resolve(d("28.50"), d("1.40"), d("1"), policy(), uk)).isEmpty();
        assertThat(TaxRateResolver.resolve(d("15.00"), d("0.00"), d("1"), policy(), uk))
                .hasValueSatisfying(r -> assertThat(r.taxRateId()).isEqualTo("GB_ZERO"));
    }

    @Test
    void taxRate_snapsToNearestMappedRateWithinAPenny() {
        assertThat(TaxRateResolver.resolve(d("1.67"), d("0.33"), policy()))
                .hasValueSatisfying(r -> assertThat(r.taxRateId()).isEqualTo("GB_STANDARD"));
        assertThat(TaxRateResolver.resolve(d("10.00"), d("1.50"), policy())).isEmpty();
    }

    @Test
    void crossBorder_everyLineZeroRated_oneEuType_mixedCoercedToDefault() {
        CanonicalInvoice inv = invoice("EUR", FR, List.of(
                line("A", "Book", "1", "10", "10", "0", "10", "simple"),
                line("B", "Ebook", "1", "5", "5", "0", "5", "downloadable")), "0", "0", "0", "15", "1.15");
        InvoiceMappingResult r = InvoiceMapper.map(inv, policy(), "c", null);
        assertThat(r.request().invoiceLines()).allSatisfy(l -> {
            assertThat(l.taxRateId()).isEqualTo("GB_ZERO");
            assertThat(l.euGoodsServicesTypeId()).isEqualTo("GOODS");
        });
        assertThat(r.warningCodes()).containsExactly("mixed_eu_goods_services_coerced_to_default");
    }

    @Test
    void shipping_isALineWithMagentosExactTax_neverSagesRecomputedPanel() {
        CanonicalInvoice untaxed = invoice("GBP", GB, List.of(line("A", "Book", "1", "10", "10", "2", "12", null)),
                "4.95", "0", "0", "16.95", null);
        SageSalesInvoiceRequest u = InvoiceMapper.map(untaxed, policy(), "c", null).request();
        assertThat(u.shippingNetAmount()).isNull();
        assertThat(u.invoiceLines().get(1)).satisfies(l -> {
            assertThat(l.description()).isEqualTo("Shipping");
            assertThat(l.taxRateId()).isEqualTo("GB_ZERO");
            assertThat(l.unitPrice()).isEqualByComparingTo("4.95");
        });
        // £3.99 incl.: 3.32 + 0.67; Sage's panel would recompute 0.66
        CanonicalInvoice taxed = invoice("GBP", GB, List.of(line("A", "Book", "1", "10", "10", "2", "12", null)),
                "3.32", "0.67", "0", "15.99", null);
        InvoiceMappingResult t = InvoiceMapper.map(taxed, policy(), "c", null);
        assertThat(t.request().invoiceLines().get(1).taxAmount()).isEqualByComparingTo("0.67");
        assertThat(t.request().invoiceLines().get(1).taxRateId()).isEqualTo("GB_STANDARD");
        assertThat(t.sageDerivedTotal()).isEqualByComparingTo("15.99");
    }

    @Test
    void headerRoundingResidual_isSpreadOverLineDiscounts_keepingPennyEquality() {
        CanonicalInvoice inv = invoice("GBP", GB, List.of(
                line("A", "A", "1", "10", "10", "2", "12", null),
                line("B", "B", "1", "20", "20", "4", "24", null),
                line("C", "C", "1", "30", "30", "6", "36", null)), "0", "0", "0", "71.97", null);
        InvoiceMappingResult r = InvoiceMapper.map(inv, policy(), "c", null);
        // 0.03 by net 10:20:30 → 0.005, 0.01, 0.015 → 0.01, 0.01, 0.02 (0.04); the largest gives the extra penny back
        assertThat(r.request().invoiceLines()).extracting(SageInvoiceLine::discountAmount)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("0.01"), d("0.01"), d("0.01"));
        assertThat(r.matchesToThePenny(d("71.97"))).isTrue();
        assertThat(r.warnings()).containsExactly(MappingWarning.HEADER_DISCOUNT_DISTRIBUTED);
    }

    @Test
    void taxInclusiveDiscount_compensationRestored_netNineTaxOnePointEight() {
        // £12.00 incl. VAT, 10 % off: Magento price 10.00, tax 1.80, discount 1.20, line_total 10.60, grand 10.80
        CanonicalInvoice inv = invoice("GBP", GB, List.of(line("T", "Tee", "1", "10", "10", "1.80", "10.60", null)),
                "0", "0", "-1.20", "10.80", null);
        SageInvoiceLine l = InvoiceMapper.map(inv, policy(), "c", null).request().invoiceLines().get(0);
        assertThat(l.netAmount()).isEqualByComparingTo("9.00");
        assertThat(l.taxAmount()).isEqualByComparingTo("1.80");
    }

    @Test
    void totalThatCannotBeReached_isRefused_withTheWarningKept() {
        CanonicalInvoice inv = invoice("GBP", GB, List.of(line("A", "Book", "1", "10", "10", "2", "12", null)),
                "0", "0", "0", "15.00", null);
        assertThatThrownBy(() -> InvoiceMapper.map(inv, policy(), "c", null))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.code()).isEqualTo(InvoiceMapper.TOTAL_MISMATCH);
                    assertThat(e.warnings()).containsExactly(MappingWarning.TOTAL_MISMATCH);
                });
    }

    @Test
    void exchangeRate_onlyForNonBaseCurrency_asInverseOfBaseToOrderRate() {
        var lines = List.of(line("A", "Book", "1", "10", "10", "2", "12", null));
        assertThat(InvoiceMapper.map(invoice("GBP", GB, lines, "0", "0", "0", "12", "1.0"), policy(), "c", null)
                .request().exchangeRate()).isNull();
        assertThat(InvoiceMapper.map(invoice("EUR", GB, lines, "0", "0", "0", "12", "1.17"), policy(), "c", null)
                .request().exchangeRate()).isEqualByComparingTo("0.8547008547");
        assertThat(InvoiceMapper.map(invoice("EUR", GB, lines, "0", "0", "0", "12", null), policy(), "c", null)
                .warnings()).contains(MappingWarning.EXCHANGE_RATE_MISSING);
    }

    @Test
    void reference_prefixOnce_andOverflowShortensPrefixFirst() {
        Set<MappingWarning> w = new LinkedHashSet<>();
        assertThat(InvoiceMapper.reference("MAG-", "000000042", w)).isEqualTo("MAG-000000042");
        assertThat(InvoiceMapper.reference("MAG-", "MAG-000000042", w)).isEqualTo("MAG-000000042");
        assertThat(w).isEmpty();
        assertThat(InvoiceMapper.reference("PREFIX-", "X".repeat(20), w)).isEqualTo("PREFI" + "X".repeat(20));
        assertThat(InvoiceMapper.reference(null, "1234567890".repeat(3), w))
                .isEqualTo("67890" + "1234567890".repeat(2));
        assertThat(w).containsExactly(MappingWarning.REFERENCE_TRUNCATED);
    }

    @Test
    void dateIsTheBusinessLocalDate_dueDateLeftToSage_notesCarryPo() {
        CanonicalInvoice inv = invoice("GBP", GB, List.of(line("A", "Book", "1", "10", "10", "2", "12", null)),
                "0", "0", "0", "12", null);
        SageSalesInvoiceRequest r = InvoiceMapper.map(inv, policy(), "c", null).request();
        // 23:59:59 UTC on 30 April is 00:59:59 BST on 1 May in London
        assertThat(r.date()).hasToString("2026-05-01");
        assertThat(r.dueDate()).isNull();
        assertThat(r.notes()).isNull();
        assertThat(r.deliveryAddress()).isEqualTo(r.mainAddress());
    }

    @Test
    void contact_htmlDecoded_andFieldsCutToSageLimits_withWarnings() {
        CanonicalAddress longAddress = new CanonicalAddress("billing", List.of("x".repeat(60)), "London", null,
                "SW1A 1AA-EXTRA", "GB", null);
        CanonicalContact c = new CanonicalContact(5, "j@x.io", "Jane", "Smith", "Jones &amp; Daughters Ltd", null, 1,
                null, List.of(longAddress), null, null);
        Set<MappingWarning> w = new LinkedHashSet<>();
        SageContactRequest r = ContactMapper.map(c, longAddress, null, "GBP", policy(), null, w);
        assertThat(r.name()).isEqualTo("Jones & Daughters Ltd");
        assertThat(r.mainAddress().addressLine1()).hasSize(50);
        assertThat(r.mainAddress().postalCode()).hasSize(10);
        assertThat(w).containsExactly(MappingWarning.ADDRESS_TRUNCATED);
    }

    @Test
    void missingLedgerAccount_isAMappingError() {
        SyncPolicy p = SyncPolicy.defaults();
        CanonicalInvoice inv = invoice("GBP", GB, List.of(line("A", "Book", "1", "10", "10", "2", "12", null)),
                "0", "0", "0", "12", null);
        assertThatThrownBy(() -> InvoiceMapper.map(inv, p, "c", null)).isInstanceOf(MappingException.class)
                .hasMessageContaining("ledger_account_not_configured");
    }

    @Test
    void htmlEntities_decodedIncludingDoubleEncodedAndNumeric() {
        assertThat(HtmlText.toPlainText("Acme&amp;trade; &#8482; &#x2122; &lt;b&gt; <i>x</i> &bogus;"))
                .isEqualTo("Acme\u2122 \u2122 \u2122 <b> x &bogus;");
    }

    @Test
    void idempotencyIds_deterministic32LowercaseHex() {
        String a = IdempotencyIds.of("t", EntityType.INVOICE, 42, EventName.INVOICE_CREATED);
        assertThat(a).matches("[0-9a-f]{32}")
                .isEqualTo(IdempotencyIds.of("t", EntityType.INVOICE, 42, EventName.INVOICE_CREATED))
                .isNotEqualTo(IdempotencyIds.of("t", EntityType.INVOICE, 42, EventName.INVOICE_PAID));
    }
}
