package io.sagesync.domain.sage;

import io.sagesync.domain.magento.CanonicalAddress;
import io.sagesync.domain.magento.CanonicalInvoice;
import io.sagesync.domain.magento.CanonicalInvoiceLine;
import io.sagesync.domain.policy.EuGoodsServicesType;
import io.sagesync.domain.policy.SyncPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Canonical invoice → Sage {@code POST /sales_invoices} body. The document Sage derives must equal what Magento
 * charged: Σ (net + tax) = {@code grand_total} and Σ tax = Magento's tax, or nothing is posted. Rules (each argued
 * with its evidence in docs/accounting.md):
 * <ol>
 *   <li>Child rows (zero-priced, zero-total, same SKU as a priced row) are dropped.</li>
 *   <li>Every item is a line: quantity, unit price (2 dp, else quantity 1 at the row subtotal), discount =
 *       {@code line_subtotal + line_tax − line_total}, tax = {@code line_tax} exactly.</li>
 *   <li>Shipping is a line too (quantity 1, {@code shipping_ledger_account_id}, explicit tax), not Sage's shipping
 *       panel, because Sage recomputes panel VAT as rate × net (quirk §32) and loses a penny on 1 in 6 prices.</li>
 *   <li>Nets are settled by {@link InvoiceRows} (shipping discount, tax-inclusive discount compensation, other
 *       header reductions) so the lines add up to {@code grand_total}.</li>
 *   <li>Each line's rate comes from the amounts ({@link TaxRateResolver}); a line without tax is zero-rated; a
 *       default rate is a warning; a line whose tax contradicts its rate is refused.</li>
 *   <li>Place of supply = the delivery address (the billing address for virtual orders); outside the business's
 *       country every line carries one EU goods/services type. VAT Magento charged is never dropped.</li>
 *   <li>Currency, {@code exchange_rate} ({@link ExchangeRates}), reference, notes, and the date in the business's
 *       time zone (the VAT quarter depends on it).</li>
 * </ol>
 */
public final class InvoiceMapper {
    /** Sage's limit on document references. */
    public static final int MAX_REFERENCE = 25;
    /** Failure code when the document would not equal what Magento charged. */
    public static final String TOTAL_MISMATCH = "total_mismatch";
    /** Failure code when a line's tax contradicts every usable rate. */
    public static final String LINE_TAX_INCONSISTENT = "line_tax_inconsistent";
    /** Failure code when a destination supply has no destination rates to post with. */
    public static final String DESTINATION_RATES_MISSING = "destination_rates_missing";
    /** Description of the shipping line. */
    public static final String SHIPPING_DESCRIPTION = "Shipping";

    private InvoiceMapper() {
    }

    /** Maps for a business of the policy's country with its region's standard rates (tests, local checks). */
    public static InvoiceMappingResult map(CanonicalInvoice invoice, SyncPolicy policy, String contactId,
                                           String idempotencyId) {
        return map(invoice, policy, SageBusiness.seeded(policy.businessCountry(), policy.businessBaseCurrency()),
                contactId, idempotencyId);
    }

    /**
     * Maps an invoice.
     *
     * @param business      the Sage business as read from Sage (country, base currency, tax rates)
     * @param contactId     Sage contact id (individual or fallback, see {@link ContactRouting})
     * @param idempotencyId Sage idempotency id, see {@link IdempotencyIds}
     * @throws MappingException when configuration or data make a correct body impossible
     */
    public static InvoiceMappingResult map(CanonicalInvoice invoice, SyncPolicy policy, SageBusiness business,
                                           String contactId, String idempotencyId) {
        return map(invoice, policy, business, contactId, idempotencyId, CatalogLinks.NONE);
    }

    /**
     * As {@link #map(CanonicalInvoice, SyncPolicy, SageBusiness, String, String)}, with every item line whose SKU is
     * a synced product or service naming it ({@code product_id} / {@code service_id}); amounts are unchanged.
     */
    public static InvoiceMappingResult map(CanonicalInvoice invoice, SyncPolicy policy, SageBusiness business,
                                           String contactId, String idempotencyId, CatalogLinks links) {
        TaxRegion region = business.region();
        if (policy.defaultLedgerAccountId() == null) {
            throw new MappingException("ledger_account_not_configured", "default_ledger_account_id is not set");
        }
        if (invoice.lines().isEmpty()) {
            throw new MappingException("invoice_without_lines", "Sage requires at least one invoice line");
        }
        CanonicalAddress billing = invoice.effectiveBillingAddress().orElseThrow(() ->
                new MappingException("billing_address_missing", "Sage requires an invoice address"));
        CanonicalAddress delivery = deliveryAddress(invoice, billing);
        Set<MappingWarning> warnings = new LinkedHashSet<>();
        boolean crossBorder = delivery.countryId() != null && !delivery.countryId().equalsIgnoreCase(region.country());

        List<CanonicalInvoiceLine> kept = withoutChildRows(invoice.lines());
        List<InvoiceRow> rows = new ArrayList<>();
        for (CanonicalInvoiceLine l : kept) {
            InvoiceRow row = row(l, policy, warnings);
            row.sku = l.sku();
            rows.add(row);
        }
        if (invoice.shippingAmount().signum() != 0 || invoice.shippingTaxAmount().signum() != 0) {
            BigDecimal shipping = InvoiceRow.money(invoice.shippingAmount());
            rows.add(new InvoiceRow(SHIPPING_DESCRIPTION, policy.shippingLedgerAccountIdOrDefault(), BigDecimal.ONE,
                    shipping, BigDecimal.ZERO.setScale(2), InvoiceRow.money(invoice.shippingTaxAmount()), null,
                    true));
        }
        boolean destination = destinationSupply(invoice, business);
        if (destination && business.destinationRates().isEmpty()) {
            throw new MappingException(DESTINATION_RATES_MISSING, "destination VAT is on and Magento charged VAT on a"
                    + " supply to " + delivery.countryId() + ", but Sage named no destination rates for the buyer",
                    warnings);
        }
        List<TaxRateResolver.Resolved> candidates = destination
                ? TaxRateResolver.positiveAmong(business.destinationRates())
                : TaxRateResolver.positiveCandidates(policy, business);
        InvoiceRows.settle(rows, invoice.grandTotal(), invoice.discountAmount(), candidates, warnings);
        String euType = crossBorder ? euType(kept, policy, warnings) : null;

        List<SageInvoiceLine> lines = new ArrayList<>();
        for (InvoiceRow r : rows) {
            String rateId = destination ? destinationRateFor(r, business, warnings)
                    : rateFor(r, policy, business, warnings);
            SageInvoiceLine line = new SageInvoiceLine(r.description, r.ledgerAccountId, r.quantity, r.unitPrice,
                    r.discount.signum() == 0 ? null : r.discount, rateId, r.tax, euType);
            lines.add(r.sku == null ? line : links.forSku(r.sku).map(line::withCatalogItem).orElse(line));
        }
        BigDecimal predicted = InvoiceRows.total(rows);
        // the prediction is Sage's own derivation, exactly: any difference, even a penny, is a known-wrong document
        if (predicted.compareTo(InvoiceRow.money(invoice.grandTotal())) != 0) {
            warnings.add(MappingWarning.TOTAL_MISMATCH);
            throw new MappingException(TOTAL_MISMATCH, "Sage would total " + predicted.toPlainString()
                    + " against grand_total " + InvoiceRow.money(invoice.grandTotal()).toPlainString(), warnings);
        }

        BigDecimal exchangeRate = null;
        if (!business.baseCurrency().equalsIgnoreCase(invoice.currency())) {
            exchangeRate = ExchangeRates.sageExchangeRate(invoice.baseToOrderRate()).orElse(null);
            if (exchangeRate == null) {
                warnings.add(MappingWarning.EXCHANGE_RATE_MISSING);
            }
        }
        String po = invoice.poNumber();
        SageSalesInvoiceRequest request = new SageSalesInvoiceRequest(
                contactId,
                LocalDate.ofInstant(invoice.createdAt(), region.zone()),
                null,
                reference(policy.invoiceNumberPrefix(), invoice.incrementId(), warnings),
                po == null || po.isBlank() ? null : "Purchase Order: " + HtmlText.toPlainText(po),
                invoice.currency().toUpperCase(Locale.ROOT),
                exchangeRate,
                Addresses.toSage(billing, null, warnings),
                Addresses.toSage(delivery, null, warnings),
                lines, null, null, null, idempotencyId, destination);
        return new InvoiceMappingResult(request, List.copyOf(warnings), null);
    }

    /**
     * A destination (OSS) supply: the business has destination VAT on, the goods go to another country (place of
     * supply, {@link #deliveryAddress}), and Magento charged VAT on it. Such a document carries the buyer's
     * country's rates and {@code destination_consignment}; with no VAT charged it stays a zero-rated export.
     */
    public static boolean destinationSupply(CanonicalInvoice invoice, SageBusiness business) {
        if (!business.destinationVat()) {
            return false;
        }
        CanonicalAddress billing = invoice.effectiveBillingAddress().orElse(null);
        CanonicalAddress delivery = billing == null ? invoice.shippingAddress() : deliveryAddress(invoice, billing);
        boolean crossBorder = delivery != null && delivery.countryId() != null
                && !delivery.countryId().equalsIgnoreCase(business.country());
        boolean taxCharged = invoice.shippingTaxAmount().signum() != 0
                || invoice.lines().stream().anyMatch(l -> l.lineTax().signum() != 0);
        return crossBorder && taxCharged;
    }

    private static String destinationRateFor(InvoiceRow r, SageBusiness business, Set<MappingWarning> warnings) {
        return TaxRateResolver.resolveAmong(r.net(), r.tax, r.quantity,
                business.destinationRates()).map(
                TaxRateResolver.Resolved::taxRateId).orElseThrow(() -> new MappingException(LINE_TAX_INCONSISTENT,
                "tax " + r.tax.toPlainString() + " on " + r.net().toPlainString()
                        + " matches no destination rate Sage named for the buyer", warnings));
    }

    /** The shipping address; a virtual order (no order shipping address) is delivered to its billing address. */
    static CanonicalAddress deliveryAddress(CanonicalInvoice invoice, CanonicalAddress billing) {
        if (invoice.shippingAddress() != null) {
            return invoice.shippingAddress();
        }
        return invoice.billingAddress() != null ? billing : invoice.effectiveShippingAddress().orElse(billing);
    }

    /** Drops zero-value rows that have a priced sibling with the same SKU (configurable/bundle children). */
    static List<CanonicalInvoiceLine> withoutChildRows(List<CanonicalInvoiceLine> lines) {
        Set<String> pricedSkus = new LinkedHashSet<>();
        lines.stream().filter(l -> l.unitPrice().signum() != 0).forEach(l -> pricedSkus.add(l.sku()));
        return lines.stream().filter(l -> !(l.isZeroValue() && pricedSkus.contains(l.sku()))).toList();
    }

    private static InvoiceRow row(CanonicalInvoiceLine line, SyncPolicy policy, Set<MappingWarning> warnings) {
        String description = HtmlText.toPlainText(line.name());
        BigDecimal subtotal = InvoiceRow.money(line.lineSubtotal());
        BigDecimal discount = InvoiceRow.money(line.derivedDiscount());
        if (discount.signum() < 0) {
            warnings.add(MappingWarning.NEGATIVE_LINE_DISCOUNT_IGNORED);
            discount = BigDecimal.ZERO.setScale(2);
        }
        BigDecimal quantity = line.qty();
        BigDecimal unit = InvoiceRow.money(line.unitPrice());
        if (quantity.multiply(unit).compareTo(subtotal) != 0) {
            warnings.add(MappingWarning.LINE_POSTED_AS_ROW_TOTAL);
            description = description + " (" + plain(line.qty()) + " x " + plain(line.unitPrice()) + ")";
            quantity = BigDecimal.ONE;
            unit = subtotal;
        }
        return new InvoiceRow(description, policy.defaultLedgerAccountId(), quantity, unit, discount,
                InvoiceRow.money(line.lineTax()), line.productType(), false);
    }

    private static String rateFor(InvoiceRow r, SyncPolicy policy, SageBusiness business,
                                  Set<MappingWarning> warnings) {
        var resolved = TaxRateResolver.resolve(r.net(), r.tax, r.quantity, policy, business);
        if (resolved.isPresent()) {
            return resolved.get().taxRateId();
        }
        if (policy.defaultTaxRateId() == null) {
            throw new MappingException("tax_rate_not_mapped", "no rate of the business explains a line's tax and"
                    + " default_tax_rate_id is not set", warnings);
        }
        BigDecimal defaultPercent = business.taxRates().stream()
                .filter(t -> t.id().equals(policy.defaultTaxRateId()) && t.percentage() != null)
                .map(SageReferenceData.TaxRate::percentage).findFirst().orElse(null);
        if (defaultPercent != null && (r.tax.signum() == 0) != (defaultPercent.signum() == 0)
                || defaultPercent != null && r.tax.signum() != 0
                && TaxRateResolver.error(r.net(), r.tax, defaultPercent)
                .compareTo(TaxRateResolver.tolerance(r.quantity, defaultPercent)) > 0) {
            throw new MappingException(LINE_TAX_INCONSISTENT, "tax " + r.tax.toPlainString() + " on "
                    + r.net().toPlainString() + " matches no rate of the business", warnings);
        }
        warnings.add(MappingWarning.TAX_RATE_DEFAULTED);
        return policy.defaultTaxRateId();
    }

    private static String euType(List<CanonicalInvoiceLine> kept, SyncPolicy policy, Set<MappingWarning> warnings) {
        Set<EuGoodsServicesType> types = new LinkedHashSet<>();
        for (CanonicalInvoiceLine l : kept) {
            String productType = l.productType();
            types.add(productType == null ? policy.defaultEuGoodsServicesType()
                    : policy.productTypeEuGoodsMap().getOrDefault(productType, policy.defaultEuGoodsServicesType()));
        }
        if (types.size() == 1) {
            return types.iterator().next().name();
        }
        warnings.add(MappingWarning.MIXED_EU_GOODS_SERVICES_COERCED_TO_DEFAULT);
        return policy.defaultEuGoodsServicesType().name();
    }

    /** prefix + increment id within 25 characters: over 25 the prefix is shortened first, then the id's end kept. */
    static String reference(String prefix, String incrementId, Set<MappingWarning> warnings) {
        String p = prefix == null ? "" : prefix;
        String ref = !p.isEmpty() && incrementId.startsWith(p) ? incrementId : p + incrementId;
        if (ref.length() <= MAX_REFERENCE) {
            return ref;
        }
        warnings.add(MappingWarning.REFERENCE_TRUNCATED);
        if (incrementId.length() <= MAX_REFERENCE) {
            return p.substring(0, MAX_REFERENCE - incrementId.length()) + incrementId;
        }
        return incrementId.substring(incrementId.length() - MAX_REFERENCE);
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
