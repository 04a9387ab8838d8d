package io.sagesync.domain.sage;

import io.sagesync.domain.magento.CanonicalPayment;
import io.sagesync.domain.policy.SyncPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
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

    /** Failure code when the bank account is not in the receipt's currency. */
    public static final String BANK_CURRENCY_MISMATCH = "bank_account_currency_mismatch";

    /**
     * Sage's payment method for a Magento method code: cheque/money order → {@code CHEQUE}, cash on delivery →
     * {@code CASH}, bank transfer and purchase order → {@code BANK_TRANSFER}, every other (card and wallet
     * gateways: Stripe, Braintree, PayPal, Adyen, ...) → {@code CREDIT_DEBIT}. Sage's ids per its guide
     * (sage-api-v3.1.md §5.4: {@code CREDIT_DEBIT}; {@code GET /payment_methods}).
     */
    public static String paymentMethodId(String magentoMethod) {
        String m = magentoMethod == null ? "" : magentoMethod.toLowerCase(java.util.Locale.ROOT);
        if (m.equals("checkmo") || m.contains("cheque")) {
            return "CHEQUE";
        }
        if (m.equals("cashondelivery") || m.startsWith("cash")) {
            return "CASH";
        }
        if (m.equals("banktransfer") || m.equals("purchaseorder") || m.contains("bank")) {
            return "BANK_TRANSFER";
        }
        return "CREDIT_DEBIT";
    }

    /**
     * The bank account must hold the receipt's currency (a EUR receipt in a GBP account would book the wrong
     * amount); an account whose currency Sage did not return is taken to be in the base currency.
     *
     * @throws MappingException {@value #BANK_CURRENCY_MISMATCH}
     */
    public static void requireBankCurrency(SageReferenceData ref, String bankAccountId, String currency) {
        String bankCurrency = ref.bankAccounts().stream().filter(b -> b.id().equals(bankAccountId))
                .map(b -> b.currency() == null ? ref.baseCurrency() : b.currency()).findFirst().orElse(null);
        if (bankCurrency != null && !bankCurrency.equalsIgnoreCase(currency)) {
            throw new MappingException(BANK_CURRENCY_MISMATCH, "bank account is in " + bankCurrency
                    + ", the receipt in " + currency.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * The receipt: the invoice's contact, the payment's date, amount and method, the invoice's currency and exchange
     * rate when foreign, and one allocation of {@code min(amount, outstanding)} to the Sage invoice (any excess stays
     * on the payment as a payment on account, which is Sage's own rule).
     *
     * <p>An invoice that owes nothing still gets the full amount allocated, on purpose: when it is our own receipt
     * (posted, then a crash before the cross-reference was written) the same idempotency id makes Sage replay it;
     * when someone else paid it, Sage answers 422 "You can only pay unpaid or part-paid invoices" and the run fails
     * as validation, which is what the merchant must see. Allocating 0 instead would leave an unallocated payment
     * on account.
     *
     * @param date         the receipt date: the capture time as a date in the business's time zone
     * @param baseCurrency the Sage business's base currency
     */
    public static SageContactPaymentRequest map(CanonicalPayment payment, SageSalesInvoice invoice,
                                                String bankAccountId, String baseCurrency, LocalDate date,
                                                String idempotencyId) {
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
                bankAccountId, date, amount, foreign ? currency : null, foreign ? invoice.exchangeRate() : null,
                reference, List.of(new SageContactPaymentRequest.Allocation(invoice.id(), allocated)), idempotencyId,
                paymentMethodId(payment.method()));
    }

    /** As {@link #map(CanonicalPayment, SageSalesInvoice, String, String, LocalDate, String)} dated in UTC. */
    public static SageContactPaymentRequest map(CanonicalPayment payment, SageSalesInvoice invoice,
                                                String bankAccountId, String baseCurrency, String idempotencyId) {
        return map(payment, invoice, bankAccountId, baseCurrency,
                payment.capturedAt().atOffset(ZoneOffset.UTC).toLocalDate(), idempotencyId);
    }
}
