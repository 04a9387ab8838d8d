package io.sagesync.adapter.magento;

import com.fasterxml.jackson.databind.JsonNode;
import io.sagesync.domain.magento.CanonicalParseException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Field readers for the canonical JSON: required fields raise {@link CanonicalParseException} naming the field's
 * path, optional ones accept a missing key or JSON {@code null}; money is always {@link BigDecimal}, never double.
 */
final class CanonicalFields {
    private CanonicalFields() {
    }

    static boolean present(JsonNode n) {
        return n != null && !n.isNull() && !n.isMissingNode();
    }

    static JsonNode reqObject(JsonNode root, String field, String p) {
        JsonNode n = root.get(field);
        if (!present(n)) {
            throw new CanonicalParseException(p + field, "required object is missing");
        }
        if (!n.isObject()) {
            throw new CanonicalParseException(p + field, "expected an object");
        }
        return n;
    }

    static String optText(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (!present(n) || !n.isValueNode()) {
            return null;
        }
        String s = n.asText();
        return s.isBlank() ? null : s;
    }

    static String reqText(JsonNode root, String field, String p) {
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

    static BigDecimal decimal(JsonNode n, String path) {
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

    static BigDecimal optMoney(JsonNode root, String field, String p) {
        JsonNode n = root.get(field);
        return present(n) ? decimal(n, p + field) : null;
    }

    static BigDecimal reqMoney(JsonNode root, String field, String p) {
        JsonNode n = root.get(field);
        if (!present(n)) {
            throw new CanonicalParseException(p + field, "required number is missing");
        }
        return decimal(n, p + field);
    }

    static Long optLong(JsonNode root, String field, String p) {
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

    /** One integer element (e.g. of {@code website_ids}). */
    static long integer(JsonNode n, String path) {
        try {
            return decimal(n, path).stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new CanonicalParseException(path, "expected an integer");
        }
    }

    static long reqLong(JsonNode root, String field, String p) {
        Long v = optLong(root, field, p);
        if (v == null) {
            throw new CanonicalParseException(p + field, "required integer is missing");
        }
        return v;
    }

    static Instant optInstant(JsonNode root, String field, String p) {
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

    static Instant reqInstant(JsonNode root, String field, String p) {
        Instant i = optInstant(root, field, p);
        if (i == null) {
            throw new CanonicalParseException(p + field, "required date-time is missing");
        }
        return i;
    }
}
