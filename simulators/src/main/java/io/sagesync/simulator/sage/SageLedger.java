package io.sagesync.simulator.sage;

import static io.sagesync.simulator.sage.SageNodes.copies;
import static io.sagesync.simulator.sage.SageNodes.currencyLink;
import static io.sagesync.simulator.sage.SageNodes.link;
import static io.sagesync.simulator.sage.SageNodes.stableId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One simulated Sage business's data: its region's reference data (tax rates, ledger and bank accounts), the
 * documents created in it, and {@code idempotency_id} replay. The create rules live per resource in
 * {@link SageContacts}, {@link SageArtefacts} and {@link SagePayments}. All mutations are serialized on this object,
 * which also makes an idempotent create atomic.
 */
final class SageLedger {

    static final LocalDate ACCOUNTS_START = LocalDate.of(2020, 1, 1);
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofDays(7);

    /** A created resource: the stored JSON and the HTTP status to answer with. */
    record Created(ObjectNode resource, int status) {
    }

    private record IdempotentResult(String resourceType, Instant createdAt, ObjectNode resource) {
    }

    final Clock clock;
    final Supplier<String> ids;
    final SageRegion region;
    final Map<String, ObjectNode> taxRates = new LinkedHashMap<>();
    final Map<String, SageRegion.Rate> rateRules = new LinkedHashMap<>();
    final Map<String, ObjectNode> ledgerAccounts = new LinkedHashMap<>();
    final Map<String, ObjectNode> bankAccounts = new LinkedHashMap<>();
    final Map<String, ObjectNode> contacts = new LinkedHashMap<>();
    final Map<String, ObjectNode> invoices = new LinkedHashMap<>();
    final Map<String, ObjectNode> creditNotes = new LinkedHashMap<>();
    final Map<String, ObjectNode> payments = new LinkedHashMap<>();
    final Map<String, ObjectNode> allocations = new LinkedHashMap<>();
    final Map<String, ObjectNode> products = new LinkedHashMap<>();
    final Map<String, ObjectNode> services = new LinkedHashMap<>();
    final Map<String, ObjectNode> stockItems = new LinkedHashMap<>();
    final Map<String, ObjectNode> stockMovements = new LinkedHashMap<>();
    final Map<String, ObjectNode> productPriceTypes = new LinkedHashMap<>();
    final Map<String, ObjectNode> serviceRateTypes = new LinkedHashMap<>();
    private final Map<String, IdempotentResult> idempotency = new HashMap<>();
    /** {@code financial_settings.destination_vat}: cross-border lines may carry destination rates. */
    volatile boolean destinationVat;
    private int invoiceNumber;
    private int creditNoteNumber;

    SageLedger(Clock clock, Supplier<String> ids, SageRegion region) {
        this.clock = clock;
        this.ids = ids;
        this.region = region;
        region.taxRates.forEach(this::taxRate);
        ledgerAccount("4000", "Sales Type A", "sales");
        ledgerAccount("4010", "Sales Type B", "sales");
        ledgerAccount("4900", "Other sales", "sales");
        ledgerAccount("4905", "Distribution and carriage", "sales");
        ledgerAccount("5000", "Cost of sales - goods", "expenses");
        region.banks.forEach(b -> bankAccount(b.nominalCode(), b.name(), b.currency()));
        SageCatalog.seedPriceTypes(this);
    }

    String baseCurrency() {
        return region.baseCurrency;
    }

    // ---------------------------------------------------------------- reference data

    private void taxRate(SageRegion.Rate r) {
        ObjectNode rate = link(r.id(), r.name(), "/tax_rates/" + r.id());
        rate.put("name", r.name()).put("agency", region.agency).put("percentage", new BigDecimal(r.percentage()))
                .put("is_visible", true).put("retailer", false).put("editable", false).put("deletable", false);
        taxRates.put(r.id(), rate);
        rateRules.put(r.id(), r);
    }

    private void ledgerAccount(String code, String name, String visibleIn) {
        String id = stableId("ledger_account:" + code);
        ObjectNode account = link(id, name + " (" + code + ")", "/ledger_accounts/" + id);
        account.put("nominal_code", Integer.parseInt(code)).put("name", name).put("display_name", name)
                .put("visible_in", visibleIn).put("included_in_chart", true);
        account.set("ledger_account_type", link("sales".equals(visibleIn) ? "SALES" : "DIRECT_EXPENSES",
                "sales".equals(visibleIn) ? "Sales" : "Direct Expenses", "/ledger_account_types/x"));
        ledgerAccounts.put(id, account);
    }

    private void bankAccount(String code, String name, String currency) {
        String id = stableId("bank_account:" + region.country + ":" + code);
        ObjectNode account = link(id, name + " (" + code + ")", "/bank_accounts/" + id);
        account.put("nominal_code", Integer.parseInt(code)).put("balance", BigDecimal.ZERO.setScale(2));
        account.set("bank_account_type", link("CHECKING", "Current", "/bank_account_types/CHECKING"));
        account.set("currency", currencyLink(currency));
        account.putObject("bank_account_details").put("account_name", name);
        bankAccounts.put(id, account);
    }

    synchronized List<ObjectNode> taxRates() {
        return copies(taxRates);
    }

    /** {@code GET /tax_rates}; destination rates only when asked for and destination VAT is on. */
    synchronized List<ObjectNode> taxRates(boolean includeDestination) {
        List<ObjectNode> out = new ArrayList<>(copies(taxRates));
        if (includeDestination && destinationVat) {
            out.addAll(SageDestinationRates.all());
        }
        return out;
    }

    /**
     * {@code GET /tax_determinations}: the rates that apply to a contact. With destination VAT on and a contact in
     * another member state, that state's destination rates; otherwise the business's own rates.
     */
    synchronized List<ObjectNode> taxDeterminations(String usage, String contactId, boolean includeDestination) {
        if (usage == null || usage.isBlank()) {
            throw SageApiException.invalid("usage", "is required");
        }
        if (contactId == null || !includeDestination || !destinationVat) {
            return copies(taxRates);
        }
        ObjectNode contact = contacts.get(contactId);
        if (contact == null) {
            throw SageApiException.notFound("contacts/" + contactId);
        }
        String country = contactCountry(contact);
        return !region.country.equalsIgnoreCase(country) && SageDestinationRates.known(country)
                ? SageDestinationRates.of(country) : copies(taxRates);
    }

    /** The contact's delivery country, else its main address's country, else the business's. */
    String contactCountry(ObjectNode contact) {
        for (String field : new String[] {"delivery_address", "main_address"}) {
            String country = contact.path(field).path("country_id").asText("");
            if (country.isEmpty()) {
                country = contact.path(field).path("country").path("id").asText("");
            }
            if (!country.isEmpty()) {
                return country;
            }
        }
        return region.country;
    }

    synchronized List<ObjectNode> ledgerAccounts(String visibleIn) {
        return copies(ledgerAccounts).stream()
                .filter(a -> visibleIn == null || visibleIn.equals(a.path("visible_in").asText()))
                .toList();
    }

    synchronized List<ObjectNode> bankAccounts() {
        return copies(bankAccounts);
    }

    String ledgerAccountId(String nominalCode) {
        return stableId("ledger_account:" + nominalCode);
    }

    synchronized String bankAccountId(String currency) {
        return bankAccounts.values().stream()
                .filter(b -> currency.equals(b.path("currency").path("id").asText()))
                .map(b -> b.get("id").asText()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no bank account in " + currency));
    }

    // ---------------------------------------------------------------- reads

    synchronized List<ObjectNode> contacts() {
        return copies(contacts);
    }

    synchronized List<ObjectNode> invoices() {
        return copies(invoices);
    }

    synchronized List<ObjectNode> creditNotes() {
        return copies(creditNotes);
    }

    synchronized List<ObjectNode> payments() {
        return copies(payments);
    }

    synchronized List<ObjectNode> allocations() {
        return copies(allocations);
    }

    /** A catalogue or reference collection ({@code products} lists stock items too, as Sage does). */
    synchronized List<ObjectNode> catalog(String collection) {
        return switch (collection) {
            case "products" -> java.util.stream.Stream.concat(products.values().stream(),
                    stockItems.values().stream()).map(ObjectNode::deepCopy).toList();
            case "services" -> copies(services);
            case "stock_items" -> copies(stockItems);
            case "stock_movements" -> copies(stockMovements);
            case "product_sales_price_types" -> copies(productPriceTypes);
            case "service_rate_types" -> copies(serviceRateTypes);
            default -> throw SageApiException.notFound(collection);
        };
    }

    /**
     * {@code PUT /contacts|products|services|stock_items/{id}} with an (already schema-valid) wrapped body: only the
     * fields sent change.
     */
    synchronized ObjectNode update(String resourceType, String id, JsonNode wrappedBody) {
        JsonNode body = wrappedBody.path(resourceType);
        return "contact".equals(resourceType) ? SageContacts.update(this, id, body)
                : SageCatalog.update(this, resourceType, id, body);
    }

    synchronized ObjectNode find(String collection, String id) {
        Map<String, ObjectNode> store = switch (collection) {
            case "products" -> products.containsKey(id) ? products : stockItems;
            case "services" -> services;
            case "stock_items" -> stockItems;
            case "stock_movements" -> stockMovements;
            case "contacts" -> contacts;
            case "sales_invoices" -> invoices;
            case "sales_credit_notes" -> creditNotes;
            case "contact_payments" -> payments;
            case "contact_allocations" -> allocations;
            case "ledger_accounts" -> ledgerAccounts;
            case "bank_accounts" -> bankAccounts;
            case "tax_rates" -> taxRates;
            default -> Map.of();
        };
        ObjectNode found = store.get(id);
        if (found == null) {
            throw SageApiException.notFound(collection + "/" + id);
        }
        return found.deepCopy();
    }

    // ---------------------------------------------------------------- creates

    /**
     * Creates {@code resourceType} from the (already schema-valid) wrapped body, honouring {@code idempotency_id}.
     */
    synchronized Created create(String resourceType, JsonNode wrappedBody) {
        JsonNode body = wrappedBody.path(resourceType);
        String idempotencyId = body.path("idempotency_id").asText(null);
        Instant now = clock.instant();
        if (idempotencyId != null) {
            IdempotentResult previous = idempotency.get(idempotencyId);
            if (previous != null && now.isBefore(previous.createdAt().plus(IDEMPOTENCY_WINDOW))) {
                if (!previous.resourceType().equals(resourceType)) {
                    throw new SageApiException(422, List.of(new SageApiException.SageError(
                            "IdempotencyResourceMismatch", "Entity type mismatch", "idempotency_id")));
                }
                return new Created(previous.resource().deepCopy(), 201);
            }
        }
        ObjectNode created = switch (resourceType) {
            case "contact" -> SageContacts.create(this, body);
            case "sales_invoice" -> {
                // numbers are only consumed by successful creates, so a 422 leaves no gap
                ObjectNode invoice = new SageArtefacts(this, "invoice_lines", "sales_invoices", "invoice_number")
                        .create(body, "SI-" + (invoiceNumber + 1), invoices);
                invoiceNumber++;
                yield invoice;
            }
            case "sales_credit_note" -> {
                ObjectNode note = new SageArtefacts(this, "credit_note_lines", "sales_credit_notes",
                        "credit_note_number").create(body, "SCN-" + (creditNoteNumber + 1), creditNotes);
                creditNoteNumber++;
                yield note;
            }
            case "contact_payment" -> SagePayments.create(this, body);
            case "contact_allocation" -> SageAllocations.create(this, body);
            case "product", "service", "stock_item" -> SageCatalog.create(this, resourceType, body);
            case "stock_movement" -> SageCatalog.createMovement(this, body);
            default -> throw new IllegalArgumentException("unsupported resource " + resourceType);
        };
        if (idempotencyId != null) {
            idempotency.put(idempotencyId, new IdempotentResult(resourceType, now, created.deepCopy()));
        }
        return new Created(created.deepCopy(), 201);
    }

    // ---------------------------------------------------------------- lookups used by the create rules

    ObjectNode contactOf(JsonNode body) {
        ObjectNode contact = contacts.get(body.path("contact_id").asText(""));
        if (contact == null) {
            throw SageApiException.invalid("contact_id", "can't find customer");
        }
        return contact;
    }

    ObjectNode taxRateOrFail(String source, String taxRateId) {
        ObjectNode rate = taxRates.get(taxRateId);
        if (rate == null) {
            throw SageApiException.invalid(source, "Tax rate not found");
        }
        return rate;
    }

    void stamp(ObjectNode node) {
        SageNodes.stamp(node, clock);
    }
}
