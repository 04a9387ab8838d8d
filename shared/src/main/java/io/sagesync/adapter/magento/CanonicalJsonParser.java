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
import io.sagesync.domain.magento.InvoiceState;
import io.sagesync.port.CanonicalEntityParser;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
                reqLong(root, "magento_id", ""),
                reqText(root, "increment_id", ""),
                optLong(root, "order_id", ""),
                optText(root, "order_increment_id"),
                reqLong(root, "website_id", ""),
                reqLong(root, "store_id", ""),
                reqText(root, "currency", ""),
                InvoiceState.fromWire(optText(root, "state")),
                contact(reqObject(root, "customer", ""), "customer."),
                lines(root, ""),
                optMoney(root, "subtotal", ""),
                optMoney(root, "tax_amount", ""),
                optMoney(root, "shipping_amount", ""),
                optMoney(root, "shipping_tax_amount", ""),
                optMoney(root, "discount_amount", ""),
                reqMoney(root, "grand_total", ""),
                reqInstant(root, "created_at", ""),
                optText(root, "payment_method"),
                optText(root, "po_number"),
                optAddress(root, "billing_address", ""),
                optAddress(root, "shipping_address", ""),
                optMoney(root, "base_to_order_rate", ""));
    }

    /** Parses a canonical credit memo body. */
    @Override
    public CanonicalCreditMemo parseCreditMemo(String json) {
        JsonNode root = readObject(json);
        return new CanonicalCreditMemo(
                reqLong(root, "magento_id", ""),
                reqText(root, "increment_id", ""),
                optLong(root, "invoice_id", ""),
                optText(root, "invoice_increment_id"),
                reqLong(root, "website_id", ""),
                reqText(root, "currency", ""),
                contact(reqObject(root, "customer", ""), "customer."),
                lines(root, ""),
                optMoney(root, "adjustment_positive", ""),
                optMoney(root, "adjustment_negative", ""),
                reqMoney(root, "grand_total", ""),
                optMoney(root, "shipping_amount", ""),
                optMoney(root, "shipping_tax_amount", ""),
                optText(root, "reason"),
                reqInstant(root, "created_at", ""),
                optInstant(root, "invoice_created_at", ""),
                optMoney(root, "base_to_order_rate", ""));
    }

    /**
     * Parses a canonical payment body ({@code GET /V1/byte8/payment/:invoiceId}). {@code invoice_id} falls back to
     * {@code magento_id} (they are the same id); {@code gateway_metadata} and {@code gateway_txn_id} are ignored.
     */
    @Override
    public CanonicalPayment parsePayment(String json) {
        JsonNode root = readObject(json);
        Long invoiceId = optLong(root, "invoice_id", "");
        BigDecimal amount = reqMoney(root, "amount", "");
        if (amount.signum() < 0) {
            throw new CanonicalParseException("amount", "expected a non-negative number");
        }
        return new CanonicalPayment(
                invoiceId != null ? invoiceId : reqLong(root, "magento_id", ""),
                optText(root, "invoice_increment_id"),
                reqText(root, "method", ""),
                reqText(root, "currency", ""),
                amount,
                reqInstant(root, "captured_at", ""));
    }

    /** Parses a canonical customer body ({@code GET /V1/byte8/customer/:id}). */
    @Override
    public CanonicalContact parseContact(String json) {
        return contact(readObject(json), "");
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
        if (present(arr)) {
            if (!arr.isArray()) {
                throw new CanonicalParseException(p + "addresses", "expected an array");
            }
            for (int i = 0; i < arr.size(); i++) {
                addresses.add(address(arr.get(i), p + "addresses[" + i + "]"));
            }
        }
        Long website = optLong(node, "website_id", p);
        return new CanonicalContact(
                reqLong(node, "magento_id", p),
                reqText(node, "email", p),
                optText(node, "first_name"),
                optText(node, "last_name"),
                optText(node, "company"),
                optText(node, "phone"),
                website == null ? 0L : website,
                optLong(node, "group_id", p),
                addresses,
                optInstant(node, "created_at", p),
                optInstant(node, "updated_at", p));
    }

    private List<CanonicalInvoiceLine> lines(JsonNode root, String p) {
        JsonNode arr = root.get("lines");
        if (!present(arr) || !arr.isArray()) {
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
                    reqText(n, "sku", lp),
                    reqText(n, "name", lp),
                    reqMoney(n, "qty", lp),
                    reqMoney(n, "unit_price", lp),
                    reqMoney(n, "line_subtotal", lp),
                    reqMoney(n, "line_tax", lp),
                    reqMoney(n, "line_total", lp),
                    optMoney(n, "tax_rate", lp),
                    optText(n, "product_type")));
        }
        return lines;
    }

    private CanonicalAddress optAddress(JsonNode root, String field, String p) {
        JsonNode n = root.get(field);
        return present(n) ? address(n, p + field) : null;
    }

    private CanonicalAddress address(JsonNode n, String p) {
        if (!n.isObject()) {
            throw new CanonicalParseException(p, "expected an object");
        }
        List<String> street = new ArrayList<>();
        JsonNode s = n.get("street");
        if (present(s)) {
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
        return new CanonicalAddress(optText(n, "kind"), street, optText(n, "city"), optText(n, "region"),
                optText(n, "postcode"), optText(n, "country_id"), optText(n, "telephone"));
    }

    private static boolean present(JsonNode n) {
        return n != null && !n.isNull() && !n.isMissingNode();
    }

    private static JsonNode reqObject(JsonNode root, String field, String p) {
        JsonNode n = root.get(field);
        if (!present(n)) {
            throw new CanonicalParseException(p + field, "required object is missing");
        }
        if (!n.isObject()) {
            throw new CanonicalParseException(p + field, "expected an object");
        }
        return n;
    }

    private static String optText(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (!present(n) || !n.isValueNode()) {
            return null;
        }
        String s = n.asText();
        return s.isBlank() ? null : s;
    }

    private static String reqText(JsonNode root, String field, String p) {
        JsonNode n = root.get(field);
        if (!present(n)) {
            throw new CanonicalParseException(p + field, "required field is missing");
        }
        if (!n.isTextual() && !n.isNumber()) {
            throw new CanonicalParseException(p + field, "expected a string");
        }
        String s = n.asText();
        if (s.isBlank()) {
            throw new CanonicalParseException(p + field, "required field is blank");
        }
        return s;
    }

    private static BigDecimal decimal(JsonNode n, String path) {
        if (n.isNumber()) {
            return bounded(n.decimalValue(), path);
        }
        if (n.isTextual() && n.asText().trim().length() <= 40) {
            try {
                return bounded(new BigDecimal(n.asText().trim()), path);
            } catch (NumberFormatException e) {
                throw new CanonicalParseException(path, "expected a number");
            }
        }
        throw new CanonicalParseException(path, "expected a number");
    }

    /** Magento stores decimal(20,4) (rates 12,4): more than 16 integer or 12 fractional digits is not an amount. */
    static final int MAX_INTEGER_DIGITS = 16;
    static final int MAX_FRACTION_DIGITS = 12;

    /**
     * Refuses what no Magento amount can be ({@code 1e999999999}, {@code 1e-999999999}), before any arithmetic or
     * {@code toPlainString} turns it into gigabytes.
     */
    private static BigDecimal bounded(BigDecimal d, String path) {
        BigDecimal stripped = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        if (stripped.scale() > MAX_FRACTION_DIGITS || stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
            throw new CanonicalParseException(path, "number out of range");
        }
        return d.scale() > MAX_FRACTION_DIGITS ? stripped : d;
    }

    private static BigDecimal optMoney(JsonNode root, String field, String p) {
        JsonNode n = root.get(field);
        return present(n) ? decimal(n, p + field) : null;
    }

    private static BigDecimal reqMoney(JsonNode root, String field, String p) {
        JsonNode n = root.get(field);
        if (!present(n)) {
            throw new CanonicalParseException(p + field, "required number is missing");
        }
        return decimal(n, p + field);
    }

    private static Long optLong(JsonNode root, String field, String p) {
        JsonNode n = root.get(field);
        if (!present(n)) {
            return null;
        }
        BigDecimal d = decimal(n, p + field);
        try {
            return d.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new CanonicalParseException(p + field, "expected an integer");
        }
    }

    private static long reqLong(JsonNode root, String field, String p) {
        Long v = optLong(root, field, p);
        if (v == null) {
            throw new CanonicalParseException(p + field, "required integer is missing");
        }
        return v;
    }

    private static Instant optInstant(JsonNode root, String field, String p) {
        String s = optText(root, field);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new CanonicalParseException(p + field, "expected an RFC 3339 date-time");
        }
    }

    private static Instant reqInstant(JsonNode root, String field, String p) {
        Instant i = optInstant(root, field, p);
        if (i == null) {
            throw new CanonicalParseException(p + field, "required date-time is missing");
        }
        return i;
    }
}
