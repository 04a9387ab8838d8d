package io.sagesync.testkit.fakes;

import io.sagesync.domain.sage.PostedInvoice;
import io.sagesync.domain.sage.SageContact;
import io.sagesync.domain.sage.SageContactPaymentRequest;
import io.sagesync.domain.sage.SageContactRequest;
import io.sagesync.domain.sage.SageReferenceData;
import io.sagesync.domain.sage.SageSalesInvoice;
import io.sagesync.domain.sage.SageSalesInvoiceRequest;
import io.sagesync.port.SageCallException;
import io.sagesync.port.SageGateway;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A configurable {@link SageGateway} for use-case tests. It records every posted invoice, contact and payment,
 * throws queued {@link #postFailures} from the next posts (invoices and payments), answers posted invoices with
 * {@link #total}, serves {@link #invoice} to {@code findSalesInvoice} and {@link #referenceData} as reference data.
 */
public final class InMemorySageGateway implements SageGateway, CreditNotesNotExercised {
    /** Customers and the catalogue: contact updates, products, services, stock items and movements. */
    public final InMemorySageCatalog catalog = new InMemorySageCatalog();
    public final Deque<SageCallException> postFailures = new ArrayDeque<>();
    public final List<SageSalesInvoiceRequest> posted = new ArrayList<>();
    public final List<SageContactPaymentRequest> payments = new ArrayList<>();
    public final List<SageContactRequest> createdContacts = new ArrayList<>();
    /** References asked for by {@code findSalesInvoiceByReference}, in order. */
    public final List<String> invoiceLookups = new ArrayList<>();
    /** What {@code tax_determinations} answers per contact id (destination rates); absent → the business's rates. */
    public final Map<String, List<SageReferenceData.TaxRate>> determinations = new LinkedHashMap<>();
    /** Contact ids asked for by {@code destinationTaxRates}, in order. */
    public final List<String> determinationLookups = new ArrayList<>();

    /** Contacts Sage already holds, by reference (created ones are not added: each run sees the same Sage). */
    public final Map<String, String> contacts = new LinkedHashMap<>();
    /** Invoices Sage already holds, by reference (for the lookup-before-post path). */
    public final Map<String, PostedInvoice> invoicesByReference = new LinkedHashMap<>();
    /** What Sage answers as a posted invoice's total. */
    public BigDecimal total = new BigDecimal("126.00");
    /** The invoice {@code findSalesInvoice} returns; null answers NOT_FOUND. */
    public SageSalesInvoice invoice;
    public int invoiceReads;
    /** The id every created payment gets. */
    public String paymentId = "pay-1";
    public SageReferenceData referenceData = new SageReferenceData(
            List.of(new SageReferenceData.TaxRate("GB_STANDARD", new BigDecimal("20"))),
            List.of(new SageReferenceData.LedgerAccount("L4010", 4010),
                    new SageReferenceData.LedgerAccount("L4000", 4000)),
            List.of(), "GBP");

    /** Contacts Sage already holds with their email and currency, by reference (checked before binding). */
    public final Map<String, SageContact> contactDetails = new LinkedHashMap<>();

    /** References searched with {@code findContactByReference}, in order. */
    public final List<String> contactLookups = new ArrayList<>();

    @Override
    public Optional<SageContact> findContactByReference(String reference) {
        contactLookups.add(reference);
        if (contactDetails.containsKey(reference)) {
            return Optional.of(contactDetails.get(reference));
        }
        return Optional.ofNullable(contacts.get(reference)).map(id -> new SageContact(id, reference, null, null));
    }

    @Override
    public String createContact(SageContactRequest request) {
        if (contacts.containsKey(request.reference()) || contactDetails.containsKey(request.reference())) {
            // Sage keeps contact references unique
            throw new SageCallException(SageCallException.Kind.VALIDATION, 422, "RecordInvalid@reference",
                    "reference has already been taken", null);
        }
        createdContacts.add(request);
        return "contact-" + request.reference();
    }

    @Override
    public PostedInvoice createSalesInvoice(SageSalesInvoiceRequest request) {
        posted.add(request);
        if (!postFailures.isEmpty()) {
            throw postFailures.poll();
        }
        return new PostedInvoice("sage-" + request.idempotencyId(), request.reference(), "SI-1", total);
    }

    @Override
    public Optional<PostedInvoice> findSalesInvoiceByReference(String reference) {
        invoiceLookups.add(reference);
        return Optional.ofNullable(invoicesByReference.get(reference));
    }

    @Override
    public SageSalesInvoice findSalesInvoice(String id) {
        invoiceReads++;
        if (invoice == null || !invoice.id().equals(id)) {
            throw new SageCallException(SageCallException.Kind.NOT_FOUND, 404, null, "no sales invoice " + id, null);
        }
        return invoice;
    }

    @Override
    public String createContactPayment(SageContactPaymentRequest request) {
        payments.add(request);
        if (!postFailures.isEmpty()) {
            throw postFailures.poll();
        }
        return paymentId;
    }

    /** How many times reference data was read (the use cases cache it). */
    public int referenceDataReads;

    @Override
    public SageReferenceData referenceData() {
        referenceDataReads++;
        return referenceData;
    }

    @Override
    public List<SageReferenceData.TaxRate> destinationTaxRates(String contactId, java.time.LocalDate date) {
        determinationLookups.add(contactId);
        return determinations.getOrDefault(contactId, referenceData.taxRates());
    }

    @Override
    public void updateContact(String contactId, SageContactRequest update) {
        catalog.updateContact(contactId, update);
    }

    @Override
    public io.sagesync.domain.sage.CatalogPriceTypes catalogPriceTypes() {
        return catalog.catalogPriceTypes();
    }

    @Override
    public String createCatalogItem(io.sagesync.domain.sage.SageCatalogItem item, String idempotencyId) {
        return catalog.createCatalogItem(item, idempotencyId);
    }

    @Override
    public void updateCatalogItem(String sageId, io.sagesync.domain.sage.SageCatalogItem item) {
        catalog.updateCatalogItem(sageId, item);
    }

    @Override
    public Optional<String> findCatalogItemByCode(io.sagesync.domain.sage.CatalogItemKind kind, String itemCode) {
        return catalog.findCatalogItemByCode(kind, itemCode);
    }

    @Override
    public BigDecimal stockQuantity(String stockItemId) {
        return catalog.stockQuantity(stockItemId);
    }

    @Override
    public String createStockMovement(io.sagesync.domain.sage.SageStockMovementRequest movement) {
        return catalog.createStockMovement(movement);
    }
}
