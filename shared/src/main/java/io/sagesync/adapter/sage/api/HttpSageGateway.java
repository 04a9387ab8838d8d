package io.sagesync.adapter.sage.api;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.sagesync.port.CreditNoteGateway;
import io.sagesync.port.SageCatalogGateway;
import io.sagesync.port.SageCallException;
import io.sagesync.port.SageGateway;
import io.sagesync.port.SageReauthRequiredException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link SageGateway} over {@link SageHttpClient} (retries, X-Business, error arrays) and {@link SageJson} (wire
 * shapes). Lookups use Sage's loose {@code search} and compare {@code reference} exactly on our side, because
 * {@code search} also matches names. {@link SageHttpClient} already classifies failures as the port's
 * {@link SageCallException}; this class adds the ones it finds in answers it cannot use.
 */
public final class HttpSageGateway implements SageGateway {
    private final SageHttpClient http;
    private final SageJson json;
    private final CreditNoteGateway creditNotes;
    private final SageCatalogGateway catalog;

    public HttpSageGateway(SageHttpClient http, SageJson json) {
        this.http = http;
        this.json = json;
        this.creditNotes = new HttpCreditNoteCalls(http, json);
        this.catalog = new HttpCatalogCalls(http, json);
    }

    @Override
    public Optional<SageContact> findContactByReference(String reference) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("contact_type_id", "CUSTOMER");
        query.put("search", reference);
        query.put("attributes", "reference,email,currency");
        return call(() -> http.getAllPages("/contacts", query)).stream()
                .map(json::readTree)
                .filter(n -> reference.equalsIgnoreCase(n.path("reference").asText("")))
                .map(n -> new SageContact(n.path("id").asText(), n.path("reference").asText(),
                        n.path("email").asText(null), n.path("currency").path("id").asText(null)))
                .findFirst();
    }

    @Override
    public String createContact(SageContactRequest request) {
        SageResponse response = call(() -> http.post("/contacts", json.writeContact(request),
                request.idempotencyId() != null));
        return requireId(response, "/contacts");
    }

    @Override
    public PostedInvoice createSalesInvoice(SageSalesInvoiceRequest request) {
        SageResponse response = call(() -> http.post("/sales_invoices", json.writeSalesInvoice(request),
                request.idempotencyId() != null));
        requireId(response, "/sales_invoices");
        return invoice(json.readTree(response.body()));
    }

    @Override
    public Optional<PostedInvoice> findSalesInvoiceByReference(String reference) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("search", reference);
        query.put("attributes", "reference,invoice_number,total_amount,base_currency_total_amount");
        return call(() -> http.getAllPages("/sales_invoices", query)).stream()
                .map(json::readTree)
                .filter(n -> reference.equals(n.path("reference").asText(null)))
                .map(HttpSageGateway::invoice)
                .findFirst();
    }

    @Override
    public SageSalesInvoice findSalesInvoice(String id) {
        JsonNode n = json.readTree(call(() -> http.get("/sales_invoices/" + id, Map.of())).body());
        String contactId = n.path("contact").path("id").asText("");
        if (contactId.isEmpty()) {
            throw new SageCallException(SageCallException.Kind.HTTP, null,
                    "Sage GET /sales_invoices/{id} answered without a contact", null);
        }
        return new SageSalesInvoice(n.path("id").asText(id), n.path("reference").asText(null), contactId,
                n.path("currency").path("id").asText(null), optionalDecimal(n, "exchange_rate"),
                optionalDecimal(n, "total_amount"), optionalDecimal(n, "outstanding_amount"),
                optionalDecimal(n, "base_currency_total_amount"));
    }

    @Override
    public String createContactPayment(SageContactPaymentRequest request) {
        SageResponse response = call(() -> http.post("/contact_payments", json.writeContactPayment(request),
                request.idempotencyId() != null));
        return requireId(response, "/contact_payments");
    }

    @Override
    public SageReferenceData referenceData() {
        Map<String, String> rateQuery = new LinkedHashMap<>();
        rateQuery.put("usage", "sales");
        rateQuery.put("attributes", "percentage,name");
        List<SageReferenceData.TaxRate> rates = call(() -> http.getAllPages("/tax_rates", rateQuery)).stream()
                .map(json::readTree)
                .map(n -> new SageReferenceData.TaxRate(n.path("id").asText(), optionalDecimal(n, "percentage"),
                        n.path("name").asText(null)))
                .toList();
        Map<String, String> salesQuery = new LinkedHashMap<>();
        salesQuery.put("visible_in", "sales");
        salesQuery.put("attributes", "nominal_code");
        List<SageReferenceData.LedgerAccount> ledgers = call(() -> http.getAllPages("/ledger_accounts", salesQuery))
                .stream().map(json::readTree)
                .map(n -> new SageReferenceData.LedgerAccount(n.path("id").asText(), n.path("nominal_code").asInt()))
                .toList();
        List<SageReferenceData.BankAccount> banks = call(() -> http.getAllPages("/bank_accounts",
                Map.of("attributes", "currency,nominal_code"))).stream().map(json::readTree)
                .map(n -> new SageReferenceData.BankAccount(n.path("id").asText(),
                        n.path("currency").path("id").asText(null), n.path("nominal_code").asInt()))
                .toList();
        JsonNode settings = json.readTree(call(() -> http.get("/financial_settings", Map.of())).body());
        String base = settings.path("base_currency").path("id").asText(null);
        return new SageReferenceData(rates, ledgers, banks, base, businessCountry(),
                settings.path("destination_vat").asBoolean(false));
    }

    @Override
    public List<SageReferenceData.TaxRate> destinationTaxRates(String contactId, LocalDate date) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("usage", "sales");
        query.put("contact_id", contactId);
        query.put("date", date.toString());
        query.put("include_destination_vat", "true");
        query.put("attributes", "percentage,name");
        return call(() -> http.getAllPages("/tax_determinations", query)).stream().map(json::readTree)
                .map(n -> new SageReferenceData.TaxRate(n.path("id").asText(), optionalDecimal(n, "percentage"),
                        n.path("name").asText(null)))
                .toList();
    }

    @Override
    public SageArtefactBalance createSalesCreditNote(SageCreditNoteRequest request) {
        return creditNotes.createSalesCreditNote(request);
    }

    @Override
    public Optional<SageArtefactBalance> findSalesCreditNoteByReference(String reference) {
        return creditNotes.findSalesCreditNoteByReference(reference);
    }

    @Override
    public SageArtefactBalance findSalesCreditNote(String id) {
        return creditNotes.findSalesCreditNote(id);
    }

    @Override
    public SageArtefactBalance findSalesInvoiceBalance(String id) {
        return creditNotes.findSalesInvoiceBalance(id);
    }

    @Override
    public String createContactAllocation(SageContactAllocationRequest request) {
        return creditNotes.createContactAllocation(request);
    }

    @Override
    public String findContactPaymentBankAccount(String paymentId) {
        return creditNotes.findContactPaymentBankAccount(paymentId);
    }

    @Override
    public void updateContact(String contactId, SageContactRequest update) {
        catalog.updateContact(contactId, update);
    }

    @Override
    public CatalogPriceTypes catalogPriceTypes() {
        return catalog.catalogPriceTypes();
    }

    @Override
    public String createCatalogItem(SageCatalogItem item, String idempotencyId) {
        return catalog.createCatalogItem(item, idempotencyId);
    }

    @Override
    public void updateCatalogItem(String sageId, SageCatalogItem item) {
        catalog.updateCatalogItem(sageId, item);
    }

    @Override
    public Optional<String> findCatalogItemByCode(CatalogItemKind kind, String itemCode) {
        return catalog.findCatalogItemByCode(kind, itemCode);
    }

    @Override
    public java.math.BigDecimal stockQuantity(String stockItemId) {
        return catalog.stockQuantity(stockItemId);
    }

    @Override
    public String createStockMovement(SageStockMovementRequest movement) {
        return catalog.createStockMovement(movement);
    }

    /**
     * {@code GET /businesses/{id}}'s country; null when Sage has no such resource for the token (a stand-in without
     * the user-business API), in which case the worker uses the merchant's configured {@code business_country}.
     */
    private String businessCountry() {
        try {
            JsonNode business = json.readTree(call(() -> http.get("/businesses/" + http.businessId(), Map.of()))
                    .body());
            return business.path("country").path("id").asText(null);
        } catch (SageCallException e) {
            if (e.kind() == SageCallException.Kind.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private static PostedInvoice invoice(JsonNode n) {
        return new PostedInvoice(n.path("id").asText(), n.path("reference").asText(null),
                n.path("invoice_number").asText(null), requiredDecimal(n, "total_amount"),
                optionalDecimal(n, "base_currency_total_amount"));
    }

    private String requireId(SageResponse response, String path) {
        JsonNode body = json.readTree(response.body());
        String id = body.path("id").asText("");
        if (id.isEmpty()) {
            throw new SageCallException(SageCallException.Kind.HTTP, null,
                    "Sage POST " + path + " answered without an id", null);
        }
        return id;
    }

    /**
     * A posted invoice's total: the sync checks it against Magento's grand total, so an answer without one (or with
     * a non-number) is a failure, never a silently skipped check.
     */
    private static BigDecimal requiredDecimal(JsonNode parent, String field) {
        BigDecimal value = optionalDecimal(parent, field);
        if (value == null) {
            throw new SageCallException(SageCallException.Kind.HTTP, "missing_" + field,
                    "Sage answered without " + field, null);
        }
        return value;
    }

    /** A number Sage may leave out (null then); present but not a number is an unreadable answer. */
    private static BigDecimal optionalDecimal(JsonNode parent, String field) {
        JsonNode n = parent.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        try {
            return new BigDecimal(n.asText());
        } catch (NumberFormatException e) {
            throw new SageCallException(SageCallException.Kind.HTTP, "unreadable_" + field,
                    "Sage answered with a non-numeric " + field, e);
        }
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (SageReauthRequiredException | io.sagesync.port.InfrastructureException e) {
            throw connectionFailure(e);
        } catch (IllegalArgumentException e) {
            // a 2xx body that is not JSON: the transport did its job but we cannot read the answer
            throw new SageCallException(SageCallException.Kind.HTTP, null, "unreadable Sage response", e);
        }
    }

    /**
     * The access token could not be had: the connection needs the merchant (re-connect Sage, not retried) or its
     * token store is briefly unreachable (retried).
     */
    static SageCallException connectionFailure(RuntimeException e) {
        if (e instanceof SageReauthRequiredException) {
            return new SageCallException(SageCallException.Kind.AUTH, "needs_reauth",
                    SageReauthRequiredException.RECONNECT, e);
        }
        return new SageCallException(SageCallException.Kind.PROVIDER, "token_store_unavailable",
                "Sage token store unavailable", e);
    }
}
