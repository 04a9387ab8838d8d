package io.sagesync.application;

import io.sagesync.domain.sage.PostedInvoice;
import io.sagesync.domain.sage.SageArtefactBalance;
import io.sagesync.domain.sage.SageContactAllocationRequest;
import io.sagesync.domain.sage.SageContactPaymentRequest;
import io.sagesync.domain.sage.SageContactRequest;
import io.sagesync.domain.sage.SageCreditNoteRequest;
import io.sagesync.domain.sage.SageInvoiceLine;
import io.sagesync.domain.sage.SageReferenceData;
import io.sagesync.domain.sage.SageSalesInvoice;
import io.sagesync.domain.sage.SageSalesInvoiceRequest;
import io.sagesync.port.SageCallException;
import io.sagesync.port.SageGateway;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory fake of our {@link SageGateway} port for refund tests: invoices and credit notes with Sage's
 * outstanding-amount rule (nothing settles more than is open, 422 otherwise), idempotency-id replay, and a record of
 * every body posted. Invoice and contact creation are not part of refunds and fail the test.
 */
final class RefundLedgerFake implements SageGateway, io.sagesync.testkit.fakes.CatalogNotExercised {
    final Map<String, SageArtefactBalance> invoices = new LinkedHashMap<>();
    final Map<String, SageArtefactBalance> creditNotes = new LinkedHashMap<>();
    final Map<String, String> paymentBanks = new HashMap<>();
    final List<SageCreditNoteRequest> creditNoteRequests = new ArrayList<>();
    final List<SageContactAllocationRequest> allocationRequests = new ArrayList<>();
    final List<SageContactPaymentRequest> refundRequests = new ArrayList<>();
    /**
     * Per kind ({@code credit_note}, {@code allocation}, {@code refund}): a failure to throw after the next create
     * of that kind has happened in Sage (the answer is lost: a crash, a timeout).
     */
    final Map<String, RuntimeException> failAfterCreate = new HashMap<>();
    private final Map<String, String> idempotency = new HashMap<>();
    private int notes;
    private int allocations;
    private int refunds;

    void invoice(SageArtefactBalance invoice) {
        invoices.put(invoice.id(), invoice);
    }

    @Override
    public SageArtefactBalance createSalesCreditNote(SageCreditNoteRequest request) {
        String replay = idempotency.get(request.idempotencyId());
        if (replay != null) {
            return creditNotes.get(replay);
        }
        SageSalesInvoiceRequest d = request.document();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (SageInvoiceLine l : d.invoiceLines()) {
            total = total.add(l.netAmount()).add(l.taxAmount());
        }
        if (d.shippingNetAmount() != null) {
            total = total.add(d.shippingNetAmount()).add(d.shippingTaxAmount() == null ? BigDecimal.ZERO
                    : d.shippingTaxAmount());
        }
        int n = ++notes;
        SageArtefactBalance note = new SageArtefactBalance("sage-credit-note-" + n, d.reference(), "SCN-" + n,
                d.contactId(), d.currencyId(), d.exchangeRate(), total, total, d.date());
        creditNotes.put(note.id(), note);
        creditNoteRequests.add(request);
        idempotency.put(request.idempotencyId(), note.id());
        failIfArmed("credit_note");
        return note;
    }

    @Override
    public Optional<SageArtefactBalance> findSalesCreditNoteByReference(String reference) {
        return creditNotes.values().stream().filter(c -> reference.equals(c.reference())).findFirst();
    }

    @Override
    public SageArtefactBalance findSalesCreditNote(String id) {
        return Optional.ofNullable(creditNotes.get(id)).orElseThrow(() -> notFound(id));
    }

    @Override
    public SageArtefactBalance findSalesInvoiceBalance(String id) {
        return Optional.ofNullable(invoices.get(id)).orElseThrow(() -> notFound(id));
    }

    @Override
    public String createContactAllocation(SageContactAllocationRequest request) {
        String replay = idempotency.get(request.idempotencyId());
        if (replay != null) {
            return replay;
        }
        SageArtefactBalance invoice = findSalesInvoiceBalance(request.invoiceId());
        SageArtefactBalance note = findSalesCreditNote(request.creditNoteId());
        requireOpen(invoice, request.amount());
        requireOpen(note, request.amount());
        invoices.put(invoice.id(), reduced(invoice, request.amount()));
        creditNotes.put(note.id(), reduced(note, request.amount()));
        allocationRequests.add(request);
        String id = "sage-allocation-" + (++allocations);
        idempotency.put(request.idempotencyId(), id);
        failIfArmed("allocation");
        return id;
    }

    @Override
    public String createContactPayment(SageContactPaymentRequest request) {
        String replay = idempotency.get(request.idempotencyId());
        if (replay != null) {
            return replay;
        }
        for (SageContactPaymentRequest.Allocation a : request.allocations()) {
            SageArtefactBalance note = findSalesCreditNote(a.artefactId());
            requireOpen(note, a.amount());
            creditNotes.put(note.id(), reduced(note, a.amount()));
        }
        refundRequests.add(request);
        String id = "sage-refund-" + (++refunds);
        idempotency.put(request.idempotencyId(), id);
        failIfArmed("refund");
        return id;
    }

    @Override
    public String findContactPaymentBankAccount(String paymentId) {
        return Optional.ofNullable(paymentBanks.get(paymentId)).orElseThrow(() -> notFound(paymentId));
    }

    @Override
    public SageReferenceData referenceData() {
        return new SageReferenceData(List.of(new SageReferenceData.TaxRate("GB_STANDARD", new BigDecimal("20")),
                new SageReferenceData.TaxRate("GB_LOWER", new BigDecimal("5")),
                new SageReferenceData.TaxRate("GB_ZERO", BigDecimal.ZERO)),
                List.of(new SageReferenceData.LedgerAccount("ledger-4000", 4000)),
                List.of(new SageReferenceData.BankAccount("bank-1200", "GBP", 1200)), "GBP");
    }

    @Override
    public Optional<io.sagesync.domain.sage.SageContact> findContactByReference(String reference) {
        throw new AssertionError("refunds never look contacts up: they use the invoice's");
    }

    @Override
    public String createContact(SageContactRequest request) {
        throw new AssertionError("refunds never create contacts");
    }

    @Override
    public PostedInvoice createSalesInvoice(SageSalesInvoiceRequest request) {
        throw new AssertionError("refunds never create invoices");
    }

    @Override
    public Optional<PostedInvoice> findSalesInvoiceByReference(String reference) {
        throw new AssertionError("refunds never search invoices");
    }

    @Override
    public SageSalesInvoice findSalesInvoice(String id) {
        throw new AssertionError("refunds read invoice balances, not payment views");
    }

    private void failIfArmed(String kind) {
        RuntimeException failure = failAfterCreate.remove(kind);
        if (failure != null) {
            throw failure;
        }
    }

    private static void requireOpen(SageArtefactBalance artefact, BigDecimal amount) {
        if (amount.compareTo(artefact.open()) > 0) {
            throw new SageCallException(SageCallException.Kind.VALIDATION, 422, "RecordInvalid@amount",
                    "exceeds the outstanding amount", null);
        }
    }

    private static SageArtefactBalance reduced(SageArtefactBalance a, BigDecimal amount) {
        return new SageArtefactBalance(a.id(), a.reference(), a.number(), a.contactId(), a.currencyId(),
                a.exchangeRate(), a.totalAmount(), a.open().subtract(amount).setScale(2, RoundingMode.HALF_UP),
                a.date());
    }

    private static SageCallException notFound(String id) {
        return new SageCallException(SageCallException.Kind.NOT_FOUND, 404, "not_found", "no " + id, null);
    }

    @Override
    public java.util.List<io.sagesync.domain.sage.SageReferenceData.TaxRate> destinationTaxRates(String contactId,
                                                                                                java.time.LocalDate date) {
        return referenceData().taxRates();
    }
}
