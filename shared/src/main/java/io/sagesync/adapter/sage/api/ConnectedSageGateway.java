package io.sagesync.adapter.sage.api;

import io.sagesync.domain.sage.CatalogItemKind;
import io.sagesync.domain.sage.CatalogPriceTypes;
import io.sagesync.domain.sage.SageCatalogItem;
import io.sagesync.domain.sage.SageStockMovementRequest;
import io.sagesync.domain.sage.PostedInvoice;
import io.sagesync.domain.sage.SageArtefactBalance;
import io.sagesync.domain.sage.SageContactAllocationRequest;
import io.sagesync.domain.sage.SageCreditNoteRequest;
import io.sagesync.domain.sage.SageContact;
import io.sagesync.domain.sage.SageContactPaymentRequest;
import io.sagesync.domain.sage.SageContactRequest;
import io.sagesync.domain.sage.SageReferenceData;
import io.sagesync.domain.sage.SageSalesInvoice;
import io.sagesync.domain.sage.SageSalesInvoiceRequest;
import io.sagesync.port.SageGateway;
import io.sagesync.port.SageReauthRequiredException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link SageGateway} bound to the business chosen when the merchant connected Sage. The business is only known
 * after the OAuth connect (and may change on reconnect), so it is read per call from the connection (cheap: the
 * token custodian caches it) and the underlying client is rebuilt when it changes. Nothing is resolved at
 * construction, which keeps SnapStart snapshots free of tenant state.
 */
public final class ConnectedSageGateway implements SageGateway {
    private final Supplier<String> businessId;
    private final Function<String, SageGateway> gatewayForBusiness;
    private volatile Bound bound;

    private record Bound(String businessId, SageGateway gateway) {
    }

    public ConnectedSageGateway(Supplier<String> businessId, Function<String, SageGateway> gatewayForBusiness) {
        this.businessId = businessId;
        this.gatewayForBusiness = gatewayForBusiness;
    }

    private SageGateway current() {
        String business;
        try {
            business = businessId.get();
        } catch (SageReauthRequiredException | io.sagesync.port.InfrastructureException e) {
            throw HttpSageGateway.connectionFailure(e);
        }
        Bound b = bound;
        if (b == null || !b.businessId().equals(business)) {
            b = new Bound(business, gatewayForBusiness.apply(business));
            bound = b;
        }
        return b.gateway();
    }

    @Override
    public Optional<SageContact> findContactByReference(String reference) {
        return current().findContactByReference(reference);
    }

    @Override
    public String createContact(SageContactRequest request) {
        return current().createContact(request);
    }

    @Override
    public PostedInvoice createSalesInvoice(SageSalesInvoiceRequest request) {
        return current().createSalesInvoice(request);
    }

    @Override
    public Optional<PostedInvoice> findSalesInvoiceByReference(String reference) {
        return current().findSalesInvoiceByReference(reference);
    }

    @Override
    public SageSalesInvoice findSalesInvoice(String id) {
        return current().findSalesInvoice(id);
    }

    @Override
    public String createContactPayment(SageContactPaymentRequest request) {
        return current().createContactPayment(request);
    }

    @Override
    public SageReferenceData referenceData() {
        return current().referenceData();
    }

    @Override
    public List<SageReferenceData.TaxRate> destinationTaxRates(String contactId, LocalDate date) {
        return current().destinationTaxRates(contactId, date);
    }

    @Override
    public SageArtefactBalance createSalesCreditNote(SageCreditNoteRequest request) {
        return current().createSalesCreditNote(request);
    }

    @Override
    public Optional<SageArtefactBalance> findSalesCreditNoteByReference(String reference) {
        return current().findSalesCreditNoteByReference(reference);
    }

    @Override
    public SageArtefactBalance findSalesCreditNote(String id) {
        return current().findSalesCreditNote(id);
    }

    @Override
    public SageArtefactBalance findSalesInvoiceBalance(String id) {
        return current().findSalesInvoiceBalance(id);
    }

    @Override
    public String createContactAllocation(SageContactAllocationRequest request) {
        return current().createContactAllocation(request);
    }

    @Override
    public String findContactPaymentBankAccount(String paymentId) {
        return current().findContactPaymentBankAccount(paymentId);
    }

    @Override
    public void updateContact(String contactId, SageContactRequest update) {
        current().updateContact(contactId, update);
    }

    @Override
    public CatalogPriceTypes catalogPriceTypes() {
        return current().catalogPriceTypes();
    }

    @Override
    public String createCatalogItem(SageCatalogItem item, String idempotencyId) {
        return current().createCatalogItem(item, idempotencyId);
    }

    @Override
    public void updateCatalogItem(String sageId, SageCatalogItem item) {
        current().updateCatalogItem(sageId, item);
    }

    @Override
    public Optional<String> findCatalogItemByCode(CatalogItemKind kind, String itemCode) {
        return current().findCatalogItemByCode(kind, itemCode);
    }

    @Override
    public java.math.BigDecimal stockQuantity(String stockItemId) {
        return current().stockQuantity(stockItemId);
    }

    @Override
    public String createStockMovement(SageStockMovementRequest movement) {
        return current().createStockMovement(movement);
    }
}
