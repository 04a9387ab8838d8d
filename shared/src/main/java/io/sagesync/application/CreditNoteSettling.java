package io.sagesync.application;

import io.sagesync.domain.Xref;
import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.domain.sage.CreditNoteSettlement;
import io.sagesync.domain.sage.IdempotencyIds;
import io.sagesync.domain.sage.SageArtefactBalance;
import io.sagesync.domain.sage.SageContactAllocationRequest;
import io.sagesync.domain.sage.SageContactPaymentRequest;
import io.sagesync.port.SageGateway;
import io.sagesync.port.XrefStore;
import java.util.Optional;

/**
 * Settles a posted credit note as {@link CreditNoteSettlement} decides: allocation against the invoice's
 * outstanding amount, then a customer refund of the rest when sagesync synced the invoice's receipt. Each step is
 * exactly once: a cross-reference once done, a deterministic idempotency id while in flight, and amounts read from
 * Sage's outstanding balances, so a repeated step never moves money that is no longer open.
 */
final class CreditNoteSettling {
    private final String tenantId;
    private final SageGateway sage;
    private final XrefStore xrefs;
    private final SageReferenceDefaults defaults;

    CreditNoteSettling(String tenantId, SageGateway sage, XrefStore xrefs, SageReferenceDefaults defaults) {
        this.tenantId = tenantId;
        this.sage = sage;
        this.xrefs = xrefs;
        this.defaults = defaults;
    }

    /** {@code creditmemo_allocation:<memo id>} → the Sage contact allocation. */
    static String allocationKey(long memoId) {
        return "creditmemo_allocation:" + memoId;
    }

    /** {@code creditmemo_refund:<memo id>} → the Sage customer refund. */
    static String refundKey(long memoId) {
        return "creditmemo_refund:" + memoId;
    }

    /**
     * @param receipt the invoice's receipt cross-reference when sagesync synced one, else null
     * @param stored  the merchant's saved policy (for the base currency)
     */
    void settle(long memoId, String creditNoteId, String invoiceSageId, Xref receipt, SyncPolicy stored) {
        if (xrefs.find(allocationKey(memoId)).isEmpty()) {
            SageArtefactBalance note = InvoiceSync.sageCall(() -> sage.findSalesCreditNote(creditNoteId));
            SageArtefactBalance invoice = InvoiceSync.sageCall(() -> sage.findSalesInvoiceBalance(invoiceSageId));
            String id = IdempotencyIds.of(tenantId, "contact_allocation", Long.toString(memoId), "create");
            Optional<SageContactAllocationRequest> allocation = InvoiceSync.mapping(() ->
                    CreditNoteSettlement.allocation(note, invoice, note.date(), id));
            if (allocation.isPresent()) {
                String allocationId = InvoiceSync.sageCall(() -> sage.createContactAllocation(allocation.get()));
                xrefs.put(allocationKey(memoId), new Xref(allocationId, allocation.get().amount().toPlainString()));
            }
        }
        if (receipt == null || xrefs.find(refundKey(memoId)).isPresent()) {
            return;
        }
        SageArtefactBalance note = InvoiceSync.sageCall(() -> sage.findSalesCreditNote(creditNoteId));
        if (note.open().signum() <= 0) {
            return;
        }
        String bank = InvoiceSync.sageCall(() -> sage.findContactPaymentBankAccount(receipt.sageId()));
        String baseCurrency = InvoiceSync.sageCall(() -> defaults.complete(stored)).businessBaseCurrency();
        String id = IdempotencyIds.of(tenantId, "contact_refund", Long.toString(memoId), "create");
        Optional<SageContactPaymentRequest> refund = InvoiceSync.mapping(() ->
                CreditNoteSettlement.refund(note, bank, baseCurrency, note.date(), id));
        if (refund.isPresent()) {
            String refundId = InvoiceSync.sageCall(() -> sage.createContactPayment(refund.get()));
            xrefs.put(refundKey(memoId), new Xref(refundId, refund.get().reference()));
        }
    }
}
