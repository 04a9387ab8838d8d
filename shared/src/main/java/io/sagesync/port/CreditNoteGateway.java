package io.sagesync.port;

import io.sagesync.domain.sage.SageArtefactBalance;
import io.sagesync.domain.sage.SageContactAllocationRequest;
import io.sagesync.domain.sage.SageCreditNoteRequest;
import java.util.Optional;

/**
 * The Sage calls refunds need (part of {@link SageGateway}). Every method throws {@link SageCallException} when Sage
 * refuses or cannot be reached.
 */
public interface CreditNoteGateway {

    /** Creates a sales credit note ({@code POST /sales_credit_notes}); the idempotency id makes a replay safe. */
    SageArtefactBalance createSalesCreditNote(SageCreditNoteRequest request);

    /** Finds a sales credit note by its exact {@code reference} (beyond Sage's 7-day idempotency window). */
    Optional<SageArtefactBalance> findSalesCreditNoteByReference(String reference);

    /** Reads a sales credit note ({@code GET /sales_credit_notes/{id}}), including what is still open on it. */
    SageArtefactBalance findSalesCreditNote(String id);

    /** Reads a sales invoice's balance ({@code GET /sales_invoices/{id}}): contact, date, outstanding amount. */
    SageArtefactBalance findSalesInvoiceBalance(String id);

    /** Creates a contact allocation ({@code POST /contact_allocations}) and returns its id. */
    String createContactAllocation(SageContactAllocationRequest request);

    /** The bank account of a contact payment ({@code GET /contact_payments/{id}}). */
    String findContactPaymentBankAccount(String paymentId);
}
