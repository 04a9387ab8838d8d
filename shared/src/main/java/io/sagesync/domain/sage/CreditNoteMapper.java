package io.sagesync.domain.sage;

import io.sagesync.domain.magento.CanonicalAddress;
import io.sagesync.domain.magento.CanonicalCreditMemo;
import io.sagesync.domain.magento.CanonicalInvoice;
import io.sagesync.domain.magento.CanonicalInvoiceLine;
import io.sagesync.domain.magento.InvoiceState;
import io.sagesync.domain.policy.SyncPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Canonical credit memo → Sage {@code POST /sales_credit_notes} body (wire contract §g "Credit notes",
 * docs/refunds.md). A credit note is an invoice in reverse, so the memo is handed to {@link InvoiceMapper} as the
 * invoice it refunds and every invoice rule applies unchanged: child rows, line discounts, tax-rate resolution,
 * place of supply, EU goods/services type, shipping, currency and exchange rate, reference prefix, dates. What is
 * particular to credit notes:
 * <ul>
 *   <li><b>Addresses</b> are the original invoice's (same place of supply, hence the same VAT treatment); the memo's
 *       customer addresses only when the invoice is unknown.</li>
 *   <li><b>{@code adjustment_positive}</b> (an extra refund) is a line "Adjustment refund", quantity 1, no VAT: Magento
 *       charges none on it, so it takes the rate the invoice rules give an untaxed line.</li>
 *   <li><b>{@code adjustment_negative}</b> (a refund fee the merchant keeps) is a line "Refund fee" with a
 *       <i>negative</i> unit price and no VAT, which reduces the credit by exactly the fee. It is not spread over the
 *       item lines as a discount: that would change their nets while their VAT stays as Magento refunded it, so the
 *       VAT would no longer match its rate, and the fee would vanish from the books instead of showing as income
 *       retained.</li>
 *   <li>Adjustment lines take the goods/services type of the first refunded item, so they never make a cross-border
 *       document "mixed".</li>
 *   <li>Refunded shipping is a line, as on invoices. A memo refunding shipping only has it as its one line (the
 *       invoice mapper wants an item), on the shipping ledger account like the invoice's shipping line.</li>
 *   <li>{@code original_invoice_date} is the Sage invoice's date (else {@code invoice_created_at}); notes
 *       {@code Credit for invoice {invoice increment id} — {reason}}.</li>
 *   <li>The total Sage will derive must equal the memo's {@code grand_total} to the penny, or nothing is posted.</li>
 * </ul>
 */
public final class CreditNoteMapper {
    /** Failure code when the credit note would not equal the memo's grand total. */
    public static final String TOTAL_MISMATCH = "credit_note_total_mismatch";
    static final String ADJUSTMENT_REFUND = "Adjustment refund";
    static final String REFUND_FEE = "Refund fee";
    static final String SHIPPING = InvoiceMapper.SHIPPING_DESCRIPTION;

    private CreditNoteMapper() {
    }

    /**
     * Maps a memo.
     *
     * @param memo                the canonical memo
     * @param originalInvoice     the canonical invoice it refunds (addresses), nullable
     * @param originalInvoiceDate the Sage invoice's date, nullable
     * @param policy              policy snapshot
     * @param business            the Sage business (country, base currency, tax rates), as for invoices
     * @param contactId           the Sage invoice's contact (a credit note can only be allocated within one contact)
     * @param idempotencyId       see {@link IdempotencyIds}
     * @throws MappingException when configuration or data make a correct body impossible
     */
    public static CreditNoteMapping map(CanonicalCreditMemo memo, CanonicalInvoice originalInvoice,
                                        LocalDate originalInvoiceDate, SyncPolicy policy, SageBusiness business,
                                        String contactId, String idempotencyId) {
        return map(memo, originalInvoice, originalInvoiceDate, policy, business, contactId, idempotencyId,
                CatalogLinks.NONE);
    }

    /** As above, with refunded item lines naming their synced product or service (see {@link CatalogLinks}). */
    public static CreditNoteMapping map(CanonicalCreditMemo memo, CanonicalInvoice originalInvoice,
                                        LocalDate originalInvoiceDate, SyncPolicy policy, SageBusiness business,
                                        String contactId, String idempotencyId, CatalogLinks links) {
        CanonicalInvoice asInvoice = asInvoice(memo, originalInvoice);
        InvoiceMappingResult mapped = InvoiceMapper.map(asInvoice, policy, business, contactId, idempotencyId,
                links);
        if (shippingOnly(memo)) {
            mapped = withShippingLedger(mapped, policy);
        }
        BigDecimal expected = memo.grandTotal().setScale(2, RoundingMode.HALF_UP);
        if (!mapped.matchesToThePenny(expected)) {
            throw new MappingException(TOTAL_MISMATCH, "Sage would total " + mapped.sageDerivedTotal().toPlainString()
                    + " against the memo's grand_total " + expected.toPlainString());
        }
        LocalDate invoiceDate = originalInvoiceDate != null ? originalInvoiceDate
                : memo.invoiceCreatedAt() != null
                        ? LocalDate.ofInstant(memo.invoiceCreatedAt(), business.region().zone())
                : null;
        SageCreditNoteRequest request = new SageCreditNoteRequest(mapped.request(), invoiceDate, notes(memo));
        return new CreditNoteMapping(request, mapped.warnings(), mapped.sageDerivedTotal());
    }

    /** Whether the memo refunds a destination (OSS) supply ({@link InvoiceMapper#destinationSupply}). */
    public static boolean destinationSupply(CanonicalCreditMemo memo, CanonicalInvoice originalInvoice,
                                            SageBusiness business) {
        return InvoiceMapper.destinationSupply(asInvoice(memo, originalInvoice), business);
    }

    /** {@code Credit for invoice 000000042 — Customer returned gift wrap}, HTML decoded, within Sage's limit. */
    static String notes(CanonicalCreditMemo memo) {
        String invoice = memo.invoiceIncrementId() != null ? memo.invoiceIncrementId()
                : memo.invoiceId() != null ? memo.invoiceId().toString() : "(none)";
        String text = "Credit for invoice " + invoice;
        if (memo.reason() != null && !memo.reason().isBlank()) {
            text = text + " \u2014 " + HtmlText.toPlainText(memo.reason()).strip();
        }
        return text.length() <= SageCreditNoteRequest.MAX_NOTES ? text
                : text.substring(0, SageCreditNoteRequest.MAX_NOTES);
    }

    /** The memo as the invoice it reverses, with the adjustments as untaxed lines. */
    static CanonicalInvoice asInvoice(CanonicalCreditMemo memo, CanonicalInvoice original) {
        List<CanonicalInvoiceLine> lines = new ArrayList<>(memo.lines());
        String itemType = memo.lines().stream().map(CanonicalInvoiceLine::productType)
                .filter(t -> t != null).findFirst().orElse(null);
        if (memo.adjustmentPositive().signum() > 0) {
            lines.add(untaxed("ADJUSTMENT-REFUND", ADJUSTMENT_REFUND, memo.adjustmentPositive(), itemType));
        }
        if (memo.adjustmentNegative().signum() > 0) {
            lines.add(untaxed("REFUND-FEE", REFUND_FEE, memo.adjustmentNegative().negate(), itemType));
        }
        BigDecimal shipping = memo.shippingAmount();
        BigDecimal shippingTax = memo.shippingTaxAmount();
        if (shippingOnly(memo)) {
            lines.add(new CanonicalInvoiceLine("SHIPPING", SHIPPING, BigDecimal.ONE, shipping, shipping, shippingTax,
                    shipping.add(shippingTax), null, itemType));
            shipping = BigDecimal.ZERO;
            shippingTax = BigDecimal.ZERO;
        }
        BigDecimal subtotal = lines.stream().map(CanonicalInvoiceLine::lineSubtotal)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tax = lines.stream().map(CanonicalInvoiceLine::lineTax).reduce(shippingTax, BigDecimal::add);
        CanonicalAddress billing = original != null ? original.effectiveBillingAddress().orElse(null) : null;
        CanonicalAddress delivery = original != null ? original.effectiveShippingAddress().orElse(null) : null;
        return new CanonicalInvoice(memo.magentoId(), memo.incrementId(), null, null, memo.websiteId(),
                original != null ? original.storeId() : 0, memo.currency(), InvoiceState.PAID, memo.customer(),
                lines, subtotal, tax, shipping, shippingTax, BigDecimal.ZERO, memo.grandTotal(), memo.createdAt(),
                null, null, billing, delivery, memo.baseToOrderRate());
    }

    /** Nothing refunded but shipping: no items, no adjustments. */
    static boolean shippingOnly(CanonicalCreditMemo memo) {
        return memo.lines().isEmpty() && memo.adjustmentPositive().signum() == 0
                && memo.adjustmentNegative().signum() == 0
                && (memo.shippingAmount().signum() != 0 || memo.shippingTaxAmount().signum() != 0);
    }

    /** The shipping-only memo's one line goes to the shipping ledger account, like an invoice's shipping line. */
    private static InvoiceMappingResult withShippingLedger(InvoiceMappingResult mapped, SyncPolicy policy) {
        SageSalesInvoiceRequest r = mapped.request();
        List<SageInvoiceLine> lines = r.invoiceLines().stream().map(l -> new SageInvoiceLine(l.description(),
                policy.shippingLedgerAccountIdOrDefault(), l.quantity(), l.unitPrice(), l.discountAmount(),
                l.taxRateId(), l.taxAmount(), l.euGoodsServicesTypeId())).toList();
        return new InvoiceMappingResult(new SageSalesInvoiceRequest(r.contactId(), r.date(), r.dueDate(),
                r.reference(), r.notes(), r.currencyId(), r.exchangeRate(), r.mainAddress(), r.deliveryAddress(),
                lines, r.shippingNetAmount(), r.shippingTaxRateId(), r.shippingTaxAmount(), r.idempotencyId(),
                r.destinationConsignment()),
                mapped.warnings(), mapped.shippingTaxPercent());
    }

    private static CanonicalInvoiceLine untaxed(String sku, String name, BigDecimal amount, String productType) {
        return new CanonicalInvoiceLine(sku, name, BigDecimal.ONE, amount, amount, BigDecimal.ZERO, amount, null,
                productType);
    }
}
