package io.sagesync.port;

import io.sagesync.domain.sage.PostedInvoice;
import io.sagesync.domain.sage.SageContact;
import io.sagesync.domain.sage.SageContactPaymentRequest;
import io.sagesync.domain.sage.SageContactRequest;
import io.sagesync.domain.sage.SageReferenceData;
import io.sagesync.domain.sage.SageSalesInvoice;
import io.sagesync.domain.sage.SageSalesInvoiceRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The calls the sync worker makes into the merchant's Sage business. Every method throws {@link SageCallException}
 * when Sage refuses or cannot be reached; its {@link SageCallException.Kind} says whether a later retry may help.
 */
public interface SageGateway extends CreditNoteGateway, SageCatalogGateway {

    /**
     * Looks a customer contact up by its exact {@code reference} (Sage's search is loose; the match is exact), with
     * its email and currency so the caller can check it is the buyer it means.
     */
    Optional<SageContact> findContactByReference(String reference);

    /** Creates a contact ({@code POST /contacts}) and returns its id. */
    String createContact(SageContactRequest request);

    /** Creates a sales invoice ({@code POST /sales_invoices}); the request's idempotency id makes a replay safe. */
    PostedInvoice createSalesInvoice(SageSalesInvoiceRequest request);

    /** Finds a sales invoice by its exact {@code reference}, e.g. beyond Sage's 7-day idempotency window. */
    Optional<PostedInvoice> findSalesInvoiceByReference(String reference);

    /**
     * Reads one sales invoice ({@code GET /sales_invoices/{id}}): its contact, currency, rate and outstanding amount.
     * An unknown id is {@link SageCallException.Kind#NOT_FOUND}.
     */
    SageSalesInvoice findSalesInvoice(String id);

    /**
     * Creates a contact payment ({@code POST /contact_payments}), e.g. a customer receipt allocated to an invoice;
     * the request's idempotency id makes a replay safe.
     *
     * @return the payment's Sage id
     */
    String createContactPayment(SageContactPaymentRequest request);

    /** Tax rates, sales ledger accounts, bank accounts and the base currency of the business. */
    SageReferenceData referenceData();

    /**
     * The sales tax rates Sage determines for a contact on a date, destination (OSS) rates included
     * ({@code GET /tax_determinations?usage=sales&include_destination_vat=true}): the buyer's country's rates when
     * the business has destination VAT on. Only asked for a destination supply.
     */
    List<SageReferenceData.TaxRate> destinationTaxRates(String contactId, LocalDate date);
}
