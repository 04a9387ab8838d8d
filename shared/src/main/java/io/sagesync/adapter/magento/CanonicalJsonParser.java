package io.sagesync.adapter.magento;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sagesync.domain.magento.CanonicalAddress;
import io.sagesync.domain.magento.CanonicalContact;
import io.sagesync.domain.magento.CanonicalCreditMemo;
import io.sagesync.domain.magento.CanonicalInvoice;
import io.sagesync.domain.magento.CanonicalInvoiceLine;
import io.sagesync.domain.magento.CanonicalParseException;
import io.sagesync.domain.magento.CanonicalPayment;
import io.sagesync.domain.magento.CanonicalProduct;
import io.sagesync.domain.magento.InvoiceState;
import io.sagesync.port.CanonicalEntityParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the Byte8 canonical JSON (wire contract §d) into domain records. Tolerant by design: omitted nullable keys,
 * JSON {@code null}, unknown keys, {@code 100} vs {@code 100.0} (always read as {@link BigDecimal}, never double)
 * and numeric strings are all accepted. A missing or malformed required field raises
 * {@link CanonicalParseException}.
 */
public final class CanonicalJsonParser implements CanonicalEntityParser {
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    /** Parses a canonical invoice body. */
    @Override
    public CanonicalInvoice parseInvoice(String json) {
        JsonNode root = readObject(json);
        return new CanonicalInvoice(
                CanonicalFields.reqLong(root, "magento_id", ""),
                CanonicalFields.reqText(root, "increment_id", ""),
                CanonicalFields.optLong(root, "order_id", ""),
                CanonicalFields.optText(root, "order_increment_id"),
                CanonicalFields.reqLong(root, "website_id", ""),
                CanonicalFields.reqLong(root, "store_id", ""),
                CanonicalFields.reqText(root, "currency", ""),
                InvoiceState.fromWire(CanonicalFields.optText(root, "state")),
                contact(CanonicalFields.reqObject(root, "customer", ""), "customer."),
                lines(root, ""),
                CanonicalFields.optMoney(root, "subtotal", ""),
                CanonicalFields.optMoney(root, "tax_amount", ""),
                CanonicalFields.optMoney(root, "shipping_amount", ""),
                CanonicalFields.optMoney(root, "shipping_tax_amount", ""),
                CanonicalFields.optMoney(root, "discount_amount", ""),
                CanonicalFields.reqMoney(root, "grand_total", ""),
                CanonicalFields.reqInstant(root, "created_at", ""),
                CanonicalFields.optText(root, "payment_method"),
                CanonicalFields.optText(root, "po_number"),
                optAddress(root, "billing_address", ""),
                optAddress(root, "shipping_address", ""),
                CanonicalFields.optMoney(root, "base_to_order_rate", ""));
    }

    /** Parses a canonical credit memo body. */
    @Override
    public CanonicalCreditMemo parseCreditMemo(String json) {
        JsonNode root = readObject(json);
        return new CanonicalCreditMemo(
                CanonicalFields.reqLong(root, "magento_id", ""),
                CanonicalFields.reqText(root, "increment_id", ""),
                CanonicalFields.optLong(root, "invoice_id", ""),
                CanonicalFields.optText(root, "invoice_increment_id"),
                CanonicalFields.reqLong(root, "website_id", ""),
                CanonicalFields.reqText(root, "currency", ""),
                contact(CanonicalFields.reqObject(root, "customer", ""), "customer."),
                lines(root, ""),
                CanonicalFields.optMoney(root, "adjustment_positive", ""),
                CanonicalFields.optMoney(root, "adjustment_negative", ""),
                CanonicalFields.reqMoney(root, "grand_total", ""),
                CanonicalFields.optMoney(root, "shipping_amount", ""),
                CanonicalFields.optMoney(root, "shipping_tax_amount", ""),
                CanonicalFields.optText(root, "reason"),
                CanonicalFields.reqInstant(root, "created_at", ""),
                CanonicalFields.optInstant(root, "invoice_created_at", ""),
                CanonicalFields.optMoney(root, "base_to_order_rate", ""));
    }

    /**
     * Parses a canonical payment body ({@code GET /V1/byte8/payment/:invoiceId}). {@code invoice_id} falls back to
     * {@code magento_id} (they are the same id); {@code gateway_metadata} and {@code gateway_txn_id} are ignored.
     */
    @Override
    public CanonicalPayment parsePayment(String json) {
        JsonNode root = readObject(json);
        Long invoiceId = CanonicalFields.optLong(root, "invoice_id", "");
        BigDecimal amount = CanonicalFields.reqMoney(root, "amount", "");
        if (amount.signum() < 0) {
            throw new CanonicalParseException("amount", "expected a non-negative number");
        }
        return new CanonicalPayment(
                invoiceId != null ? invoiceId : CanonicalFields.reqLong(root, "magento_id", ""),
                CanonicalFields.optText(root, "invoice_increment_id"),
                CanonicalFields.reqText(root, "method", ""),
                CanonicalFields.reqText(root, "currency", ""),
                amount,
                CanonicalFields.optInstant(root, "captured_at", ""));
    }

    /** Parses a canonical customer body ({@code GET /V1/byte8/customer/:id}). */
    @Override
    public CanonicalContact parseContact(String json) {
        return contact(readObject(json), "");
    }

    /** Parses a canonical product body ({@code GET /V1/byte8/product/:id}). */
    @Override
    public CanonicalProduct parseProduct(String json) {
        JsonNode root = readObject(json);
        List<Long> websites = new ArrayList<>();
        JsonNode arr = root.get("website_ids");
        if (CanonicalFields.present(arr) && arr.isArray()) {
            for (int i = 0; i < arr.size(); i++) {
                websites.add(CanonicalFields.integer(arr.get(i), "website_ids[" + i + "]"));
            }
        }
        JsonNode manage = root.get("manage_stock");
        return new CanonicalProduct(
                CanonicalFields.reqLong(root, "magento_id", ""),
                CanonicalFields.reqText(root, "sku", ""),
                CanonicalFields.reqText(root, "name", ""),
                CanonicalFields.reqText(root, "product_type", ""),
                CanonicalFields.optMoney(root, "price", ""),
                CanonicalFields.optMoney(root, "special_price", ""),
                CanonicalFields.optMoney(root, "cost", ""),
                CanonicalFields.optMoney(root, "weight", ""),
                CanonicalFields.optMoney(root, "stock_qty", ""),
                CanonicalFields.present(manage) && (manage.asBoolean() || "1".equals(manage.asText())),
                CanonicalFields.optText(root, "tax_class"),
                websites,
                CanonicalFields.optInstant(root, "created_at", ""),
                CanonicalFields.optInstant(root, "updated_at", ""));
    }

    private JsonNode readObject(String json) {
        if (json == null) {
            throw new CanonicalParseException("$", "body is missing");
        }
        try {
            JsonNode root = mapper.readTree(json);
            if (root == null || !root.isObject()) {
                throw new CanonicalParseException("$", "expected a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            // Jackson's message can quote the body; keep only the location.
            throw new CanonicalParseException("$", "malformed JSON at line " + e.getLocation().getLineNr()
                    + " column " + e.getLocation().getColumnNr());
        }
    }

    private CanonicalContact contact(JsonNode node, String p) {
        List<CanonicalAddress> addresses = new ArrayList<>();
        JsonNode arr = node.get("addresses");
        if (CanonicalFields.present(arr)) {
            if (!arr.isArray()) {
                throw new CanonicalParseException(p + "addresses", "expected an array");
            }
            for (int i = 0; i < arr.size(); i++) {
                addresses.add(address(arr.get(i), p + "addresses[" + i + "]"));
            }
        }
        Long website = CanonicalFields.optLong(node, "website_id", p);
        return new CanonicalContact(
                CanonicalFields.reqLong(node, "magento_id", p),
                CanonicalFields.reqText(node, "email", p),
                CanonicalFields.optText(node, "first_name"),
                CanonicalFields.optText(node, "last_name"),
                CanonicalFields.optText(node, "company"),
                CanonicalFields.optText(node, "phone"),
                website == null ? 0L : website,
                CanonicalFields.optLong(node, "group_id", p),
                addresses,
                CanonicalFields.optInstant(node, "created_at", p),
                CanonicalFields.optInstant(node, "updated_at", p));
    }

    private List<CanonicalInvoiceLine> lines(JsonNode root, String p) {
        JsonNode arr = root.get("lines");
        if (!CanonicalFields.present(arr) || !arr.isArray()) {
            throw new CanonicalParseException(p + "lines", "required array is missing");
        }
        List<CanonicalInvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            String lp = p + "lines[" + i + "].";
            JsonNode n = arr.get(i);
            if (!n.isObject()) {
                throw new CanonicalParseException(lp, "expected an object");
            }
            lines.add(new CanonicalInvoiceLine(
                    CanonicalFields.reqText(n, "sku", lp),
                    CanonicalFields.reqText(n, "name", lp),
                    CanonicalFields.reqMoney(n, "qty", lp),
                    CanonicalFields.reqMoney(n, "unit_price", lp),
                    CanonicalFields.reqMoney(n, "line_subtotal", lp),
                    CanonicalFields.reqMoney(n, "line_tax", lp),
                    CanonicalFields.reqMoney(n, "line_total", lp),
                    CanonicalFields.optMoney(n, "tax_rate", lp),
                    CanonicalFields.optText(n, "product_type")));
        }
        return lines;
    }

    private CanonicalAddress optAddress(JsonNode root, String field, String p) {
        JsonNode n = root.get(field);
        return CanonicalFields.present(n) ? address(n, p + field) : null;
    }

    private CanonicalAddress address(JsonNode n, String p) {
        if (!n.isObject()) {
            throw new CanonicalParseException(p, "expected an object");
        }
        List<String> street = new ArrayList<>();
        JsonNode s = n.get("street");
        if (CanonicalFields.present(s)) {
            if (s.isArray()) {
                s.forEach(line -> {
                    if (line.isValueNode() && !line.asText().isBlank()) {
                        street.add(line.asText().trim());
                    }
                });
            } else if (s.isTextual() && !s.asText().isBlank()) {
                street.add(s.asText().trim()); // older serialisations send one string
            }
        }
        return new CanonicalAddress(CanonicalFields.optText(n, "kind"), street, CanonicalFields.optText(n, "city"), CanonicalFields.optText(n, "region"),
                CanonicalFields.optText(n, "postcode"), CanonicalFields.optText(n, "country_id"), CanonicalFields.optText(n, "telephone"));
    }
}
