package io.sagesync.domain.sage;

import io.sagesync.domain.magento.CanonicalPayment;
import io.sagesync.domain.policy.SyncPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * {@code invoice.paid} → a Sage customer receipt (wire contract §g "Payments"): which bank account the money lands
 * in, and the {@code contact_payments} body allocated to the invoice already in Sage.
 */
public final class PaymentMapper {
    private PaymentMapper() {
    }

    /**
     * The bank account for a Magento payment method: {@code payment_method_map[method]} when mapped (an explicit
     * "None" means never auto-pay, so empty), else {@code default_bank_account_id}, else empty. Empty means the
     * payment is skipped with {@code payment_method_not_mapped} and the invoice stays unpaid for manual
     * reconciliation.
     *
     * @param policy the policy as the merchant saved it, <b>not</b> completed from reference data: an unset default
     *               bank account must stay unset here
     */
    public static Optional<String> bankAccountFor(String method, SyncPolicy policy) {
        Optional<String> mapped = policy.paymentMethodMap().get(method);
        if (mapped != null) {
            return mapped;
        }
        return Optional.ofNullable(policy.defaultBankAccountId());
    }

    /**
     * The receipt: the invoice's contact, the payment's date (UTC) and amount, the invoice's currency and exchange
     * rate when foreign, and one allocation of {@code min(amount, outstanding)} to the Sage invoice (any excess stays
     * on the payment as a payment on account, which is Sage's own rule).
     *
     * <p>An invoice that owes nothing still gets the full amount allocated, on purpose: when it is our own receipt
     * (posted, then a crash before the cross-reference was written) the same idempotency id makes Sage replay it;
     * when someone else paid it, Sage answers 422 "You can only pay unpaid or part-paid invoices" and the run fails
     * as validation, which is what the merchant must see. Allocating 0 instead would leave an unallocated payment
     * on account.
     *
     * @param baseCurrency the Sage business's base currency
     */
    public static SageContactPaymentRequest map(CanonicalPayment payment, SageSalesInvoice invoice,
                                                String bankAccountId, String baseCurrency, String idempotencyId) {
        BigDecimal amount = payment.amount().setScale(2, RoundingMode.HALF_UP);
        BigDecimal allocated = amount;
        if (invoice.outstandingAmount() != null && invoice.outstandingAmount().signum() > 0) {
            allocated = amount.min(invoice.outstandingAmount().setScale(2, RoundingMode.HALF_UP));
        }
        String currency = invoice.currencyId() != null ? invoice.currencyId() : payment.currency();
        boolean foreign = !currency.equalsIgnoreCase(baseCurrency);
        String reference = invoice.reference() != null ? invoice.reference() : payment.incrementId();
        if (reference != null && reference.length() > SageContactPaymentRequest.MAX_REFERENCE) {
            reference = reference.substring(0, SageContactPaymentRequest.MAX_REFERENCE);
        }
        return new SageContactPaymentRequest(SageContactPaymentRequest.CUSTOMER_RECEIPT, invoice.contactId(),
                bankAccountId, payment.capturedAt().atOffset(ZoneOffset.UTC).toLocalDate(), amount,
                foreign ? currency : null, foreign ? invoice.exchangeRate() : null, reference,
                List.of(new SageContactPaymentRequest.Allocation(invoice.id(), allocated)), idempotencyId);
    }
}
