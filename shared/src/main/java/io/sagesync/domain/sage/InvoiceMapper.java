package io.sagesync.domain.sage;

import io.sagesync.domain.magento.CanonicalAddress;
import io.sagesync.domain.magento.CanonicalInvoice;
import io.sagesync.domain.magento.CanonicalInvoiceLine;
import io.sagesync.domain.policy.EuGoodsServicesType;
import io.sagesync.domain.policy.SyncPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Canonical invoice → Sage {@code POST /sales_invoices} body (§g, Sage quirks §7/§17/§22/§27/§29/§32). The goal is
 * that the total Sage derives equals Magento's {@code grand_total} to the penny. Rules, in order:
 * <ol>
 *   <li><b>Child rows.</b> A zero-priced, zero-total row with a priced sibling of the same SKU (configurable child)
 *       is dropped so the item is not counted twice.</li>
 *   <li><b>Lines.</b> Description = name with HTML decoded; quantity; unit price (2 dp); discount_amount =
 *       {@code line_subtotal + line_tax − line_total} when positive; tax_amount = {@code line_tax} on every line;
 *       ledger = {@code default_ledger_account_id}; tax_rate_id via {@link TaxRateResolver} on the applied rate,
 *       else {@code default_tax_rate_id}. If {@code qty × unit(2 dp)} does not exactly equal {@code line_subtotal}
 *       (fractional quantities, unit prices with more than 2 dp) the row is posted as quantity 1 at the row subtotal
 *       with {@code "(qty x unit)"} appended to the description, as Sage's guide recommends.</li>
 *   <li><b>Header discount.</b> Magento's header {@code discount_amount} is negative. The part not already inside
 *       line totals (|header| − Σ line discounts, e.g. a discount on shipping) is spread over the lines'
 *       {@code discount_amount} in proportion to their net, to the penny, the largest line taking the rounding
 *       remainder. Tax stays exactly as Magento charged it, and no extra line has to pick a tax rate (a negative
 *       zero-rated line would distort the VAT return's zero-rated box).</li>
 *   <li><b>Cross-border</b> (billing country ≠ business country): every line {@code GB_ZERO} with tax 0, and one
 *       {@code eu_goods_services_type_id} for all lines from {@code product_type_eu_goods_map}; mixed →
 *       {@code default_eu_goods_services_type} with a warning.</li>
 *   <li><b>Shipping</b> in Sage's shipping panel; omitted entirely when both shipping amount and tax are 0.
 *       Untaxed shipping → {@code GB_ZERO} (Sage recomputes shipping tax, quirk §32); taxed shipping → rate from
 *       shipping_tax / shipping_amount via the map, else the default rate.</li>
 *   <li><b>Currency.</b> {@code currency_id} always; {@code exchange_rate = 1 / base_to_order_rate} (10 dp) only
 *       when the invoice currency is not the business base currency.</li>
 *   <li><b>Reference</b> = prefix + increment id (no double prefix). Over 25 characters the prefix is shortened
 *       first, since the increment id is what identifies the invoice; an increment id alone over 25 keeps its last
 *       25 characters (the sequence end).</li>
 *   <li>Notes {@code "Purchase Order: {po}"}; date = UTC date of {@code created_at}; due date left to Sage; billing
 *       and shipping addresses always both sent (virtual orders: billing twice).</li>
 * </ol>
 */
public final class InvoiceMapper {
    /** Sage's UK zero rate, forced for cross-border lines and untaxed shipping. */
    public static final String ZERO_RATE_ID = "GB_ZERO";
    /** Sage's limit on document references. */
    public static final int MAX_REFERENCE = 25;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private InvoiceMapper() {
    }

    /**
     * Maps an invoice.
     *
     * @param invoice       canonical invoice
     * @param policy        policy snapshot (ledger, tax map, defaults, business country/currency)
     * @param contactId     Sage contact id (individual or fallback, see {@link ContactRouting})
     * @param idempotencyId Sage idempotency id, see {@link IdempotencyIds}
     * @throws MappingException when configuration or data make a correct body impossible
     */
    public static InvoiceMappingResult map(CanonicalInvoice invoice, SyncPolicy policy, String contactId,
                                           String idempotencyId) {
        if (policy.defaultLedgerAccountId() == null) {
            throw new MappingException("ledger_account_not_configured", "default_ledger_account_id is not set");
        }
        if (invoice.lines().isEmpty()) {
            throw new MappingException("invoice_without_lines", "Sage requires at least one invoice line");
        }
        CanonicalAddress billing = invoice.effectiveBillingAddress().orElseThrow(() ->
                new MappingException("billing_address_missing", "Sage requires an invoice address"));
        CanonicalAddress shipping = invoice.effectiveShippingAddress().orElse(billing);
        Set<MappingWarning> warnings = new LinkedHashSet<>();
        boolean crossBorder = billing.countryId() != null
                && !billing.countryId().equalsIgnoreCase(policy.businessCountry());

        List<CanonicalInvoiceLine> kept = withoutChildRows(invoice.lines());
        List<SageInvoiceLine> lines = new ArrayList<>();
        BigDecimal lineDiscounts = BigDecimal.ZERO;
        for (CanonicalInvoiceLine line : kept) {
            SageInvoiceLine mapped = mapLine(line, policy, crossBorder, warnings);
            lines.add(mapped);
            if (mapped.discountAmount() != null) {
                lineDiscounts = lineDiscounts.add(mapped.discountAmount());
            }
        }
        lines = distributeHeaderDiscount(lines, invoice.discountAmount().abs().subtract(lineDiscounts), warnings);
        if (crossBorder) {
            lines = withOneEuType(lines, kept, policy, warnings);
        }

        BigDecimal shippingNet = null;
        BigDecimal shippingTax = null;
        String shippingRateId = null;
        BigDecimal shippingPercent = null;
        if (invoice.shippingAmount().signum() != 0 || invoice.shippingTaxAmount().signum() != 0) {
            shippingNet = money(invoice.shippingAmount());
            if (crossBorder || invoice.shippingTaxAmount().signum() == 0) {
                if (invoice.shippingTaxAmount().signum() != 0) {
                    warnings.add(MappingWarning.CROSS_BORDER_TAX_ZEROED);
                }
                shippingRateId = ZERO_RATE_ID;
                shippingPercent = BigDecimal.ZERO;
                shippingTax = money(BigDecimal.ZERO);
            } else {
                shippingTax = money(invoice.shippingTaxAmount());
                var resolved = TaxRateResolver.resolve(shippingNet, shippingTax, policy);
                if (resolved.isPresent()) {
                    shippingRateId = resolved.get().taxRateId();
                    shippingPercent = resolved.get().percent();
                } else {
                    shippingRateId = defaultTaxRate(policy, warnings);
                }
            }
        }

        BigDecimal exchangeRate = null;
        if (policy.isForeignCurrency(invoice.currency())) {
            BigDecimal rate = invoice.baseToOrderRate();
            if (rate == null || rate.signum() <= 0) {
                warnings.add(MappingWarning.EXCHANGE_RATE_MISSING);
            } else {
                exchangeRate = BigDecimal.ONE.divide(rate, 10, RoundingMode.HALF_UP);
            }
        }

        String po = invoice.poNumber();
        SageSalesInvoiceRequest request = new SageSalesInvoiceRequest(
                contactId,
                LocalDate.ofInstant(invoice.createdAt(), ZoneOffset.UTC),
                null,
                reference(policy.invoiceNumberPrefix(), invoice.incrementId(), warnings),
                po == null || po.isBlank() ? null : "Purchase Order: " + po.strip(),
                invoice.currency().toUpperCase(Locale.ROOT),
                exchangeRate,
                Addresses.toSage(billing, null),
                Addresses.toSage(shipping, null),
                lines, shippingNet, shippingRateId, shippingTax, idempotencyId);
        InvoiceMappingResult result = new InvoiceMappingResult(request, List.copyOf(warnings), shippingPercent);
        if (!result.matchesToThePenny(invoice.grandTotal())) {
            warnings.add(MappingWarning.TOTAL_MISMATCH);
            result = new InvoiceMappingResult(request, List.copyOf(warnings), shippingPercent);
        }
        return result;
    }

    /** Drops zero-value rows that have a priced sibling with the same SKU (configurable/bundle children). */
    static List<CanonicalInvoiceLine> withoutChildRows(List<CanonicalInvoiceLine> lines) {
        Set<String> pricedSkus = new LinkedHashSet<>();
        lines.stream().filter(l -> l.unitPrice().signum() != 0).forEach(l -> pricedSkus.add(l.sku()));
        return lines.stream().filter(l -> !(l.isZeroValue() && pricedSkus.contains(l.sku()))).toList();
    }

    private static SageInvoiceLine mapLine(CanonicalInvoiceLine line, SyncPolicy policy, boolean crossBorder,
                                           Set<MappingWarning> warnings) {
        String description = HtmlText.toPlainText(line.name());
        BigDecimal subtotal = money(line.lineSubtotal());
        BigDecimal discount = money(line.derivedDiscount());
        if (discount.signum() < 0) {
            warnings.add(MappingWarning.NEGATIVE_LINE_DISCOUNT_IGNORED);
            discount = money(BigDecimal.ZERO);
        }
        BigDecimal quantity = line.qty();
        BigDecimal unit = money(line.unitPrice());
        if (quantity.multiply(unit).compareTo(subtotal) != 0) {
            warnings.add(MappingWarning.LINE_POSTED_AS_ROW_TOTAL);
            description = description + " (" + plain(line.qty()) + " x " + plain(line.unitPrice()) + ")";
            quantity = BigDecimal.ONE;
            unit = subtotal;
        }
        BigDecimal tax = money(line.lineTax());
        String rateId;
        if (crossBorder) {
            if (tax.signum() != 0) {
                warnings.add(MappingWarning.CROSS_BORDER_TAX_ZEROED);
            }
            tax = money(BigDecimal.ZERO);
            rateId = ZERO_RATE_ID;
        } else {
            rateId = TaxRateResolver.resolve(subtotal.subtract(discount), tax, policy)
                    .map(TaxRateResolver.Resolved::taxRateId)
                    .orElseGet(() -> defaultTaxRate(policy, warnings));
        }
        return new SageInvoiceLine(description, policy.defaultLedgerAccountId(), quantity, unit,
                discount.signum() == 0 ? null : discount, rateId, tax, null);
    }

    private static String defaultTaxRate(SyncPolicy policy, Set<MappingWarning> warnings) {
        if (policy.defaultTaxRateId() == null) {
            throw new MappingException("tax_rate_not_mapped",
                    "an applied tax rate is not in tax_rate_map and default_tax_rate_id is not set");
        }
        warnings.add(MappingWarning.TAX_RATE_DEFAULTED);
        return policy.defaultTaxRateId();
    }

    /** Spreads {@code extra} (a positive header discount not yet in the lines) over the lines by net. */
    static List<SageInvoiceLine> distributeHeaderDiscount(List<SageInvoiceLine> lines, BigDecimal extra,
                                                          Set<MappingWarning> warnings) {
        BigDecimal toPlace = money(extra);
        if (toPlace.signum() <= 0) {
            return lines;
        }
        BigDecimal totalNet = BigDecimal.ZERO;
        int largest = -1;
        for (int i = 0; i < lines.size(); i++) {
            BigDecimal net = lines.get(i).netAmount();
            if (net.signum() > 0) {
                totalNet = totalNet.add(net);
                if (largest < 0 || net.compareTo(lines.get(largest).netAmount()) > 0) {
                    largest = i;
                }
            }
        }
        if (largest < 0 || toPlace.compareTo(totalNet) > 0) {
            warnings.add(MappingWarning.HEADER_DISCOUNT_UNALLOCATED);
            return lines;
        }
        BigDecimal[] shares = new BigDecimal[lines.size()];
        BigDecimal placed = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            BigDecimal net = lines.get(i).netAmount();
            shares[i] = i == largest || net.signum() <= 0 ? BigDecimal.ZERO
                    : toPlace.multiply(net).divide(totalNet, 2, RoundingMode.HALF_UP);
            placed = placed.add(shares[i]);
        }
        shares[largest] = toPlace.subtract(placed);
        List<SageInvoiceLine> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            SageInvoiceLine l = lines.get(i);
            if (shares[i].signum() == 0) {
                out.add(l);
            } else {
                BigDecimal before = l.discountAmount() == null ? BigDecimal.ZERO : l.discountAmount();
                out.add(l.withDiscount(money(before.add(shares[i]))));
            }
        }
        warnings.add(MappingWarning.HEADER_DISCOUNT_DISTRIBUTED);
        return out;
    }

    private static List<SageInvoiceLine> withOneEuType(List<SageInvoiceLine> lines, List<CanonicalInvoiceLine> kept,
                                                       SyncPolicy policy, Set<MappingWarning> warnings) {
        Set<EuGoodsServicesType> types = new LinkedHashSet<>();
        for (CanonicalInvoiceLine l : kept) {
            String productType = l.productType();
            types.add(productType == null ? policy.defaultEuGoodsServicesType()
                    : policy.productTypeEuGoodsMap().getOrDefault(productType, policy.defaultEuGoodsServicesType()));
        }
        EuGoodsServicesType type;
        if (types.size() == 1) {
            type = types.iterator().next();
        } else {
            type = policy.defaultEuGoodsServicesType();
            warnings.add(MappingWarning.MIXED_EU_GOODS_SERVICES_COERCED_TO_DEFAULT);
        }
        return lines.stream().map(l -> l.withEuType(type.name())).toList();
    }

    /** prefix + increment id within 25 characters; see the class comment for the overflow rule. */
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

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
