package io.sagesync.adapter.sage.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.domain.sage.SageAddress;
import io.sagesync.domain.sage.SageContactPaymentRequest;
import io.sagesync.domain.sage.SageContactPerson;
import io.sagesync.domain.sage.SageContactRequest;
import io.sagesync.domain.sage.SageInvoiceLine;
import io.sagesync.domain.sage.SageSalesInvoiceRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Sage v3.1 JSON for our request records: snake_case keys, root-key wrapping ({@code {"sales_invoice": …}},
 * {@code {"contact": …}}), nulls omitted, money as strings with exactly 2 decimals ({@code "100.00"}), quantities as
 * plain decimal strings ({@code "2"}, {@code "0.5"}), exchange rates as 10-dp strings, dates {@code YYYY-MM-DD}.
 * Sage asks for decimals as strings because JSON floats are lossy. Trees are built explicitly (no annotations on the
 * domain records) so the wire shape is visible in one place. Reading is tolerant of unknown properties.
 */
public final class SageJson {
    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** The configured mapper (unknown properties ignored when reading Sage responses). */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** {@code {"sales_invoice": {...}}} as a tree. */
    public ObjectNode salesInvoiceTree(SageSalesInvoiceRequest r) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode o = root.putObject("sales_invoice");
        put(o, "contact_id", r.contactId());
        put(o, "date", r.date() == null ? null : r.date().toString());
        put(o, "due_date", r.dueDate() == null ? null : r.dueDate().toString());
        put(o, "reference", r.reference());
        put(o, "notes", r.notes());
        put(o, "currency_id", r.currencyId());
        if (r.exchangeRate() != null) {
            o.put("exchange_rate", r.exchangeRate().setScale(10, RoundingMode.HALF_UP).toPlainString());
        }
        address(o, "main_address", r.mainAddress());
        address(o, "delivery_address", r.deliveryAddress());
        ArrayNode lines = o.putArray("invoice_lines");
        for (SageInvoiceLine l : r.invoiceLines()) {
            ObjectNode n = lines.addObject();
            put(n, "description", l.description());
            put(n, "ledger_account_id", l.ledgerAccountId());
            n.put("quantity", quantity(l.quantity()));
            money(n, "unit_price", l.unitPrice());
            money(n, "discount_amount", l.discountAmount());
            put(n, "tax_rate_id", l.taxRateId());
            money(n, "tax_amount", l.taxAmount());
            put(n, "eu_goods_services_type_id", l.euGoodsServicesTypeId());
            put(n, "product_id", l.productId());
            put(n, "service_id", l.serviceId());
        }
        money(o, "shipping_net_amount", r.shippingNetAmount());
        put(o, "shipping_tax_rate_id", r.shippingTaxRateId());
        money(o, "shipping_tax_amount", r.shippingTaxAmount());
        if (r.destinationConsignment()) {
            o.put("destination_consignment", true);
        }
        put(o, "idempotency_id", r.idempotencyId());
        return root;
    }

    /** {@code {"contact": {...}}} as a tree. */
    public ObjectNode contactTree(SageContactRequest c) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode o = root.putObject("contact");
        put(o, "name", c.name());
        ArrayNode types = o.putArray("contact_type_ids");
        c.contactTypeIds().forEach(types::add);
        put(o, "reference", c.reference());
        put(o, "currency_id", c.currencyId());
        address(o, "main_address", c.mainAddress());
        address(o, "delivery_address", c.deliveryAddress());
        SageContactPerson p = c.mainContactPerson();
        if (p != null) {
            ObjectNode n = o.putObject("main_contact_person");
            put(n, "name", p.name());
            put(n, "email", p.email());
            put(n, "telephone", p.telephone());
            n.put("is_main_contact", p.isMainContact());
        }
        put(o, "idempotency_id", c.idempotencyId());
        return root;
    }

    /** {@code {"contact_payment": {...}}} as a tree. */
    public ObjectNode contactPaymentTree(SageContactPaymentRequest r) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode o = root.putObject("contact_payment");
        put(o, "transaction_type_id", r.transactionTypeId());
        put(o, "contact_id", r.contactId());
        put(o, "bank_account_id", r.bankAccountId());
        put(o, "date", r.date().toString());
        money(o, "total_amount", r.totalAmount());
        put(o, "currency_id", r.currencyId());
        if (r.exchangeRate() != null) {
            o.put("exchange_rate", r.exchangeRate().setScale(10, RoundingMode.HALF_UP).toPlainString());
        }
        put(o, "reference", r.reference());
        put(o, "payment_method_id", r.paymentMethodId());
        ArrayNode allocated = o.putArray("allocated_artefacts");
        for (SageContactPaymentRequest.Allocation a : r.allocations()) {
            ObjectNode n = allocated.addObject();
            put(n, "artefact_id", a.artefactId());
            money(n, "amount", a.amount());
        }
        put(o, "idempotency_id", r.idempotencyId());
        return root;
    }

    public String writeContactPayment(SageContactPaymentRequest r) {
        return write(contactPaymentTree(r));
    }

    public String writeSalesInvoice(SageSalesInvoiceRequest r) {
        return write(salesInvoiceTree(r));
    }

    public String writeContact(SageContactRequest c) {
        return write(contactTree(c));
    }

    /** Parses a Sage response body leniently. */
    public JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Sage response is not valid JSON", e);
        }
    }

    /** Money: exactly 2 decimals, half-up (Sage stores 2 dp). */
    public static String moneyString(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Quantity: plain decimal without trailing zeros ({@code 2}, {@code 0.5}). */
    public static String quantity(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an in-memory tree", e);
        }
    }

    static void address(ObjectNode parent, String field, SageAddress a) {
        if (a == null) {
            return;
        }
        ObjectNode n = parent.putObject(field);
        put(n, "address_line_1", a.addressLine1());
        put(n, "address_line_2", a.addressLine2());
        put(n, "city", a.city());
        put(n, "postal_code", a.postalCode());
        put(n, "region", a.region());
        put(n, "country_id", a.countryId());
        put(n, "name", a.name());
    }

    static void put(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    static void money(ObjectNode o, String field, BigDecimal value) {
        if (value != null) {
            o.put(field, moneyString(value));
        }
    }
}
