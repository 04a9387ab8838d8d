package io.sagesync.domain.sage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * {@code POST /contact_payments} body (Sage API notes §5.4): a customer receipt allocated to sales invoices.
 *
 * @param transactionTypeId {@code CUSTOMER_RECEIPT} for invoice payments
 * @param contactId         the invoice's contact
 * @param bankAccountId     where the money lands
 * @param date              payment date
 * @param totalAmount       amount received; not less than the allocated sum (Sage rule)
 * @param currencyId        only for foreign-currency payments, else null
 * @param exchangeRate      only for foreign-currency payments, else null
 * @param reference         at most 25 characters, may be null
 * @param allocations       the artefacts paid
 * @param idempotencyId     Sage idempotency id (32 hex), may be null
 * @param paymentMethodId   Sage payment method ({@code CREDIT_DEBIT}, {@code CHEQUE}, ...), may be null
 */
public record SageContactPaymentRequest(String transactionTypeId, String contactId, String bankAccountId,
                                        LocalDate date, BigDecimal totalAmount, String currencyId,
                                        BigDecimal exchangeRate, String reference, List<Allocation> allocations,
                                        String idempotencyId, String paymentMethodId) {
    /** Sage's transaction type for money received from a customer. */
    public static final String CUSTOMER_RECEIPT = "CUSTOMER_RECEIPT";
    /** Sage's limit on {@code reference}. */
    public static final int MAX_REFERENCE = 25;

    public SageContactPaymentRequest {
        Objects.requireNonNull(transactionTypeId, "transactionTypeId");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(bankAccountId, "bankAccountId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(totalAmount, "totalAmount");
        allocations = List.copyOf(allocations);
        if (reference != null && reference.length() > MAX_REFERENCE) {
            throw new IllegalArgumentException("reference longer than " + MAX_REFERENCE);
        }
        BigDecimal allocated = allocations.stream().map(Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (totalAmount.compareTo(allocated) < 0) {
            throw new IllegalArgumentException("total_amount below the allocated sum");
        }
    }

    /** Without a payment method (Sage then uses its default). */
    public SageContactPaymentRequest(String transactionTypeId, String contactId, String bankAccountId,
                                     LocalDate date, BigDecimal totalAmount, String currencyId,
                                     BigDecimal exchangeRate, String reference, List<Allocation> allocations,
                                     String idempotencyId) {
        this(transactionTypeId, contactId, bankAccountId, date, totalAmount, currencyId, exchangeRate, reference,
                allocations, idempotencyId, null);
    }

    /**
     * One paid artefact.
     *
     * @param artefactId the Sage invoice id
     * @param amount     the part of the payment allocated to it
     */
    public record Allocation(String artefactId, BigDecimal amount) {
        public Allocation {
            Objects.requireNonNull(artefactId, "artefactId");
            Objects.requireNonNull(amount, "amount");
        }
    }
}
