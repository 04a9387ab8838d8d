package io.sagesync.simulator.sage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The simulated Sage business data and its create rules (totals, currency lock, cross-border zero rating,
 * idempotency). All mutations are serialized on this object, which also makes an idempotent create atomic.
 */
final class SageLedger {

    static final String BASE_CURRENCY = "GBP";
    static final LocalDate ACCOUNTS_START = LocalDate.of(2020, 1, 1);
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofDays(7);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern HTML_ENTITY = Pattern.compile("&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);");
    private static final Set<String> ZERO_RATES = Set.of("GB_ZERO", "GB_EXEMPT", "GB_NO_TAX");
    private static final Set<String> TRANSACTION_TYPES =
            Set.of("CUSTOMER_RECEIPT", "CUSTOMER_REFUND", "VENDOR_PAYMENT", "VENDOR_REFUND");

    /** A created resource: the stored JSON and the HTTP status to answer with. */
    record Created(ObjectNode resource, int status) {
    }

    private record IdempotentResult(String resourceType, Instant createdAt, ObjectNode resource) {
    }

    private final Clock clock;
    private final Supplier<String> ids;
    private final Map<String, ObjectNode> taxRates = new LinkedHashMap<>();
    private final Map<String, ObjectNode> ledgerAccounts = new LinkedHashMap<>();
    private final Map<String, ObjectNode> bankAccounts = new LinkedHashMap<>();
    private final Map<String, ObjectNode> contacts = new LinkedHashMap<>();
    private final Map<String, ObjectNode> invoices = new LinkedHashMap<>();
    private final Map<String, ObjectNode> creditNotes = new LinkedHashMap<>();
    private final Map<String, ObjectNode> payments = new LinkedHashMap<>();
    private final Map<String, IdempotentResult> idempotency = new HashMap<>();
    private int invoiceNumber;
    private int creditNoteNumber;

    SageLedger(Clock clock, Supplier<String> ids) {
        this.clock = clock;
        this.ids = ids;
        taxRate("GB_STANDARD", "Standard 20.00%", "20.00");
        taxRate("GB_LOWER", "Lower Rate 5.00%", "5.00");
        taxRate("GB_ZERO", "Zero Rated 0.00%", "0.00");
        taxRate("GB_EXEMPT", "Exempt 0.00%", "0.00");
        taxRate("GB_NO_TAX", "No VAT", "0.00");
        ledgerAccount("4000", "Sales Type A", "sales");
        ledgerAccount("4010", "Sales Type B", "sales");
        ledgerAccount("4900", "Other sales", "sales");
        ledgerAccount("5000", "Cost of sales - goods", "expenses");
        bankAccount("1200", "Current", "GBP", "CHECKING");
        bankAccount("1210", "Euro Account", "EUR", "CHECKING");
    }

    /** A stable 32-hex id derived from a name, so reference data ids do not depend on the seed. */
    static String stableId(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- reference data

    private void taxRate(String id, String name, String percentage) {
        ObjectNode rate = link(id, name, "/tax_rates/" + id);
        rate.put("name", name).put("agency", "HMRC").put("percentage", new BigDecimal(percentage))
                .put("is_visible", true).put("retailer", false).put("editable", false).put("deletable", false);
        taxRates.put(id, rate);
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

    private void bankAccount(String code, String name, String currency, String type) {
        String id = stableId("bank_account:" + code);
        ObjectNode account = link(id, name + " (" + code + ")", "/bank_accounts/" + id);
        account.put("nominal_code", Integer.parseInt(code)).put("balance", BigDecimal.ZERO.setScale(2));
        account.set("bank_account_type", link(type, "Current", "/bank_account_types/" + type));
        account.set("currency", currencyLink(currency));
        account.putObject("bank_account_details").put("account_name", name);
        bankAccounts.put(id, account);
    }

    synchronized List<ObjectNode> taxRates() {
        return copies(taxRates);
    }

    synchronized List<ObjectNode> ledgerAccounts(String visibleIn) {
        return copies(ledgerAccounts).stream()
                .filter(a -> visibleIn == null || visibleIn.equals(a.path("visible_in").asText()))
                .toList();
    }

    synchronized List<ObjectNode> bankAccounts() {
        return copies(bankAccounts);
    }

    synchronized String ledgerAccountId(String nominalCode) {
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

    synchronized ObjectNode find(String collection, String id) {
        Map<String, ObjectNode> store = store(collection);
        ObjectNode found = store == null ? null : store.get(id);
        if (found == null && "tax_rates".equals(collection)) {
            found = taxRates.get(id);
        }
        if (found == null) {
            throw SageApiException.notFound(collection + "/" + id);
        }
        return found.deepCopy();
    }

    private Map<String, ObjectNode> store(String collection) {
        return switch (collection) {
            case "contacts" -> contacts;
            case "sales_invoices" -> invoices;
            case "sales_credit_notes" -> creditNotes;
            case "contact_payments" -> payments;
            case "ledger_accounts" -> ledgerAccounts;
            case "bank_accounts" -> bankAccounts;
            default -> null;
        };
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
            case "contact" -> createContact(body);
            case "sales_invoice" -> {
                // numbers are only consumed by successful creates, so a 422 leaves no gap
                ObjectNode invoice = createArtefact(body, "invoice_lines", "SI-", invoiceNumber + 1, invoices,
                        "sales_invoices", "invoice_number");
                invoiceNumber++;
                yield invoice;
            }
            case "sales_credit_note" -> {
                ObjectNode note = createArtefact(body, "credit_note_lines", "SCN-", creditNoteNumber + 1,
                        creditNotes, "sales_credit_notes", "credit_note_number");
                creditNoteNumber++;
                yield note;
            }
            case "contact_payment" -> createPayment(body);
            default -> throw new IllegalArgumentException("unsupported resource " + resourceType);
        };
        if (idempotencyId != null) {
            idempotency.put(idempotencyId, new IdempotentResult(resourceType, now, created.deepCopy()));
        }
        return new Created(created.deepCopy(), 201);
    }

    private ObjectNode createContact(JsonNode body) {
        String name = body.path("name").asText("");
        String reference = text(body, "reference");
        requireLength("name", name, 100);
        if (name.isBlank()) {
            throw SageApiException.invalid("name", "This field is required.");
        }
        if (reference != null) {
            requireLength("reference", reference, 10);
            boolean taken = contacts.values().stream()
                    .anyMatch(c -> reference.equalsIgnoreCase(c.path("reference").asText(null)));
            if (taken) {
                throw SageApiException.invalid("reference", "has already been taken");
            }
        }
        String currency = body.path("currency_id").asText(BASE_CURRENCY);
        String id = ids.get();
        ObjectNode contact = link(id, reference == null ? name : name + " (" + reference + ")", "/contacts/" + id);
        contact.put("name", name);
        contact.put("reference", reference);
        ArrayNode types = contact.putArray("contact_types");
        for (JsonNode type : body.path("contact_type_ids")) {
            types.add(link(type.asText(), titleCase(type.asText()), "/contact_types/" + type.asText()));
        }
        contact.set("currency", currencyLink(currency));
        contact.put("email", body.path("main_contact_person").path("email").asText(null));
        copyIfPresent(body, contact, "tax_number", "notes", "locale", "main_address", "delivery_address",
                "main_contact_person", "tax_treatment", "credit_days", "credit_limit", "source_guid");
        contact.put("balance", BigDecimal.ZERO.setScale(2));
        stamp(contact);
        contacts.put(id, contact);
        return contact;
    }

    private ObjectNode createArtefact(JsonNode body, String linesKey, String numberPrefix, int number,
                                      Map<String, ObjectNode> store, String collection, String numberField) {
        ObjectNode contact = contactOf(body);
        String reference = text(body, "reference");
        if (reference != null) {
            requireLength("reference", reference, 25);
        }
        LocalDate date = date(body, "date");
        if (date.isBefore(ACCOUNTS_START)) {
            throw SageApiException.invalid("date", "must be on or after the accounts start date " + ACCOUNTS_START);
        }
        String contactCurrency = contact.path("currency").path("id").asText(BASE_CURRENCY);
        String currency = body.path("currency_id").asText(contactCurrency);
        if (!currency.equals(contactCurrency)) {
            throw SageApiException.invalid("currency_id",
                    "Currency must be the same as the contact's currency (" + contactCurrency + ")");
        }
        BigDecimal exchangeRate = decimal(body, "exchange_rate", BigDecimal.ONE);
        if (BASE_CURRENCY.equals(currency) && exchangeRate.compareTo(BigDecimal.ONE) != 0) {
            throw SageApiException.invalid("exchange_rate", "must be 1.0 for base currency transactions");
        }
        String country = body.path("main_address").path("country_id")
                .asText(contact.path("main_address").path("country_id").asText("GB"));
        boolean crossBorder = !"GB".equalsIgnoreCase(country)
                || !"GB".equalsIgnoreCase(contact.path("main_address").path("country_id").asText("GB"));

        ArrayNode lines = NODES.arrayNode();
        BigDecimal net = BigDecimal.ZERO.setScale(2);
        BigDecimal tax = BigDecimal.ZERO.setScale(2);
        BigDecimal discount = BigDecimal.ZERO.setScale(2);
        BigDecimal quantityTotal = BigDecimal.ZERO;
        Set<String> goodsServicesTypes = new LinkedHashSet<>();
        for (JsonNode line : body.path(linesKey)) {
            String description = line.path("description").asText("");
            if (description.isBlank() || HTML_ENTITY.matcher(description).find()) {
                throw SageApiException.invalid("line_items.description", "This field is required.");
            }
            String ledgerId = line.path("ledger_account_id").asText("");
            ObjectNode ledger = ledgerAccounts.get(ledgerId);
            if (ledger == null) {
                throw SageApiException.invalid("line_items.ledger_account_id", "Ledger account not found");
            }
            String taxRateId = line.path("tax_rate_id").asText("GB_STANDARD");
            ObjectNode rate = taxRateOrFail("line_items.tax_rate_id", taxRateId);
            if (crossBorder && !"GB_ZERO".equals(taxRateId)) {
                throw SageApiException.invalid("line_items.tax_rate_id",
                        "Tax Rate must be Zero Rated for customers outside the UK");
            }
            goodsServicesTypes.add(line.path("eu_goods_services_type_id").asText(""));
            BigDecimal quantity = decimal(line, "quantity", BigDecimal.ONE);
            BigDecimal unitPrice = decimal(line, "unit_price", BigDecimal.ZERO);
            BigDecimal lineDiscount = money(decimal(line, "discount_amount", BigDecimal.ZERO));
            BigDecimal lineTax = ZERO_RATES.contains(taxRateId)
                    ? BigDecimal.ZERO.setScale(2) : money(decimal(line, "tax_amount", BigDecimal.ZERO));
            BigDecimal lineNet = money(quantity.multiply(unitPrice).subtract(lineDiscount));
            if (line.path("unit_price_includes_tax").asBoolean(false)) {
                lineNet = money(lineNet.subtract(lineTax));
            }
            ObjectNode stored = NODES.objectNode();
            stored.put("id", ids.get()).put("displayed_as", description).put("description", description);
            stored.set("ledger_account", linkOf(ledger));
            stored.put("quantity", quantity).put("unit_price", unitPrice)
                    .put("unit_price_includes_tax", line.path("unit_price_includes_tax").asBoolean(false))
                    .put("discount_amount", lineDiscount).put("net_amount", lineNet);
            stored.set("tax_rate", linkOf(rate));
            stored.put("tax_amount", lineTax).put("total_amount", lineNet.add(lineTax));
            if (line.hasNonNull("eu_goods_services_type_id")) {
                String type = line.get("eu_goods_services_type_id").asText();
                stored.set("eu_goods_services_type", link(type, titleCase(type), "/eu_goods_services_types/" + type));
            }
            copyIfPresent(line, stored, "product_id", "service_id");
            lines.add(stored);
            net = net.add(lineNet);
            tax = tax.add(lineTax);
            discount = discount.add(lineDiscount);
            quantityTotal = quantityTotal.add(quantity);
        }
        if (crossBorder && goodsServicesTypes.size() > 1) {
            throw SageApiException.invalid("line_items.eu_goods_services_type_id",
                    "Goods and services type must be the same for all lines");
        }
        // Quirk §32: shipping VAT is always recomputed from net x rate; an explicit shipping_tax_amount is ignored.
        BigDecimal shippingNet = money(decimal(body, "shipping_net_amount", BigDecimal.ZERO));
        String shippingRateId = body.path("shipping_tax_rate_id").asText("GB_STANDARD");
        ObjectNode shippingRate = taxRateOrFail("shipping_tax_rate_id", shippingRateId);
        BigDecimal shippingTax = money(shippingNet.multiply(new BigDecimal(shippingRate.get("percentage").asText()))
                .divide(BigDecimal.valueOf(100)));
        BigDecimal total = net.add(tax).add(shippingNet).add(shippingTax);

        String status = body.path("status_id").asText("UNPAID");
        String id = ids.get();
        String documentNumber = numberPrefix + number;
        ObjectNode artefact = link(id, documentNumber, "/" + collection + "/" + id);
        artefact.put(numberField, documentNumber);
        artefact.put("reference", reference);
        artefact.set("contact", linkOf(contact));
        artefact.put("contact_name", contact.path("name").asText());
        artefact.put("contact_reference", contact.path("reference").asText(null));
        artefact.put("date", date.toString());
        artefact.put("due_date", body.path("due_date").asText(date.plusDays(30).toString()));
        copyIfPresent(body, artefact, "original_invoice_date", "notes", "terms_and_conditions",
                "vat_reverse_charge", "main_address");
        artefact.set("delivery_address", body.has("delivery_address")
                ? body.get("delivery_address").deepCopy() : body.path("main_address").deepCopy());
        artefact.set("status", link(status, titleCase(status), "/artefact_statuses/" + status));
        artefact.set("currency", currencyLink(currency));
        artefact.put("exchange_rate", exchangeRate);
        artefact.put("net_amount", net).put("tax_amount", tax).put("total_amount", total);
        artefact.put("total_quantity", quantityTotal).put("total_discount_amount", discount);
        artefact.put("shipping_net_amount", shippingNet).put("shipping_tax_amount", shippingTax)
                .put("shipping_total_amount", shippingNet.add(shippingTax));
        artefact.set("shipping_tax_rate", linkOf(shippingRate));
        artefact.put("outstanding_amount", total).put("total_paid", BigDecimal.ZERO.setScale(2));
        artefact.set(linesKey, lines);
        stamp(artefact);
        store.put(id, artefact);
        return artefact;
    }

    private ObjectNode createPayment(JsonNode body) {
        ObjectNode contact = contactOf(body);
        String reference = text(body, "reference");
        if (reference != null) {
            requireLength("reference", reference, 25);
        }
        String type = body.path("transaction_type_id").asText("");
        if (!TRANSACTION_TYPES.contains(type)) {
            throw SageApiException.invalid("transaction_type_id", "is not a valid transaction type");
        }
        ObjectNode bank = bankAccounts.get(body.path("bank_account_id").asText(""));
        if (bank == null) {
            throw SageApiException.invalid("bank_account_id", "Bank account not found");
        }
        LocalDate date = date(body, "date");
        BigDecimal total = money(decimal(body, "total_amount", BigDecimal.ZERO));
        BigDecimal allocatedSum = BigDecimal.ZERO;
        List<ObjectNode[]> allocations = new ArrayList<>();
        for (JsonNode allocation : body.path("allocated_artefacts")) {
            String artefactId = allocation.path("artefact_id").asText("");
            ObjectNode artefact = invoices.containsKey(artefactId) ? invoices.get(artefactId)
                    : creditNotes.get(artefactId);
            if (artefact == null) {
                throw SageApiException.invalid("allocated_artefacts.artefact_id", "Artefact not found");
            }
            if (!artefact.path("contact").path("id").asText().equals(contact.get("id").asText())) {
                throw SageApiException.invalid("allocated_artefacts.artefact_id",
                        "can only be allocated to artefacts of the same contact");
            }
            String status = artefact.path("status").path("id").asText();
            if (!"UNPAID".equals(status) && !"PART_PAID".equals(status)) {
                throw SageApiException.invalid("base", "You can only pay unpaid or part-paid invoices.");
            }
            BigDecimal amount = money(decimal(allocation, "amount", BigDecimal.ZERO));
            if (amount.compareTo(new BigDecimal(artefact.get("outstanding_amount").asText())) > 0) {
                throw SageApiException.invalid("allocated_artefacts.amount", "exceeds the outstanding amount");
            }
            allocatedSum = allocatedSum.add(amount);
            ObjectNode stored = NODES.objectNode();
            stored.put("id", ids.get());
            stored.set("artefact", linkOf(artefact));
            stored.put("amount", amount);
            allocations.add(new ObjectNode[] {artefact, stored});
        }
        if (total.compareTo(allocatedSum) < 0) {
            throw SageApiException.invalid("total_amount", "may not be less than the allocated amount");
        }
        ArrayNode allocated = NODES.arrayNode();
        for (ObjectNode[] pair : allocations) {
            ObjectNode artefact = pair[0];
            BigDecimal amount = new BigDecimal(pair[1].get("amount").asText());
            BigDecimal outstanding = money(new BigDecimal(artefact.get("outstanding_amount").asText())
                    .subtract(amount));
            BigDecimal paid = money(new BigDecimal(artefact.get("total_paid").asText()).add(amount));
            String status = outstanding.signum() == 0 ? "PAID" : "PART_PAID";
            artefact.put("outstanding_amount", outstanding).put("total_paid", paid);
            artefact.set("status", link(status, titleCase(status), "/artefact_statuses/" + status));
            stamp(artefact);
            allocated.add(pair[1]);
        }
        String id = ids.get();
        ObjectNode payment = link(id, reference == null ? type : reference, "/contact_payments/" + id);
        payment.set("transaction_type", link(type, titleCase(type), "/transaction_types/" + type));
        payment.set("contact", linkOf(contact));
        payment.set("bank_account", linkOf(bank));
        payment.put("date", date.toString()).put("reference", reference).put("total_amount", total);
        payment.set("currency", currencyLink(body.path("currency_id")
                .asText(contact.path("currency").path("id").asText(BASE_CURRENCY))));
        payment.put("exchange_rate", decimal(body, "exchange_rate", BigDecimal.ONE));
        String method = body.path("payment_method_id").asText("BANK_TRANSFER");
        payment.set("payment_method", link(method, titleCase(method), "/payment_methods/" + method));
        payment.set("allocated_artefacts", allocated);
        stamp(payment);
        payments.put(id, payment);
        return payment;
    }

    // ---------------------------------------------------------------- helpers

    private ObjectNode contactOf(JsonNode body) {
        ObjectNode contact = contacts.get(body.path("contact_id").asText(""));
        if (contact == null) {
            throw SageApiException.invalid("contact_id", "can't find customer");
        }
        return contact;
    }

    private ObjectNode taxRateOrFail(String source, String taxRateId) {
        ObjectNode rate = taxRates.get(taxRateId);
        if (rate == null) {
            throw SageApiException.invalid(source, "Tax rate not found");
        }
        return rate;
    }

    private static void requireLength(String source, String value, int max) {
        if (value.length() > max) {
            throw SageApiException.invalid(source, "is too long (maximum is " + max + " characters)");
        }
    }

    private static LocalDate date(JsonNode body, String field) {
        try {
            return LocalDate.parse(body.path(field).asText(""));
        } catch (DateTimeParseException e) {
            throw SageApiException.invalid(field, "is not a valid date");
        }
    }

    private static BigDecimal decimal(JsonNode node, String field, BigDecimal fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        try {
            return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            throw SageApiException.invalid(field, "is not a number");
        }
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void copyIfPresent(JsonNode from, ObjectNode to, String... fields) {
        for (String field : fields) {
            if (from.has(field)) {
                to.set(field, from.get(field).deepCopy());
            }
        }
    }

    private void stamp(ObjectNode node) {
        String now = clock.instant().toString();
        if (!node.has("created_at")) {
            node.put("created_at", now);
        }
        node.put("updated_at", now);
    }

    static ObjectNode link(String id, String displayedAs, String path) {
        ObjectNode node = NODES.objectNode();
        node.put("id", id).put("displayed_as", displayedAs).put("$path", path);
        return node;
    }

    private static ObjectNode linkOf(ObjectNode resource) {
        return link(resource.get("id").asText(), resource.get("displayed_as").asText(),
                resource.get("$path").asText());
    }

    private static ObjectNode currencyLink(String currency) {
        String name = switch (currency) {
            case "GBP" -> "Pound Sterling (GBP)";
            case "EUR" -> "Euro (EUR)";
            case "USD" -> "US Dollar (USD)";
            default -> currency;
        };
        return link(currency, name, "/currencies/" + currency);
    }

    private static String titleCase(String id) {
        String lower = id.replace('_', ' ').toLowerCase(Locale.ROOT);
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static List<ObjectNode> copies(Map<String, ObjectNode> store) {
        return store.values().stream().map(ObjectNode::deepCopy).toList();
    }
}
