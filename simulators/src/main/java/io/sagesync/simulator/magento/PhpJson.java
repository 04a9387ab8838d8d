package io.sagesync.simulator.magento;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * Writes JSON the way PHP's {@code json_encode} does, because the Magento side's bytes matter: the outbox stores
 * the body once and the chassis may hash or log it, and canonical entities are rendered by Magento's REST layer.
 *
 * <p>Rules reproduced: insertion-ordered keys; non-ASCII escaped as {@code \}{@code uXXXX}; {@code /} escaped as
 * {@code \/} unless {@code JSON_UNESCAPED_SLASHES}; floats with a decimal point ({@code 100.0}, {@code 8.33}, the
 * PHP 7.1+ {@code serialize_precision = -1} form). Supported values: {@link Map}, {@link Collection}, String,
 * Boolean, Integer/Long (PHP int), BigDecimal/Double (PHP float), null.
 */
public final class PhpJson {

    private PhpJson() {
    }

    /** Encodes like {@code json_encode($value)} (slashes escaped), as Magento's REST renderer does. */
    public static String encode(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, false);
        return out.toString();
    }

    /** Encodes like {@code json_encode($value, JSON_UNESCAPED_SLASHES)}, as the outbox does. */
    public static String encodeUnescapedSlashes(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, true);
        return out.toString();
    }

    /** Formats a money/ratio value as PHP prints a float: shortest digits, always at least one decimal. */
    public static String phpFloat(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() < 1) {
            stripped = stripped.setScale(1);
        }
        return stripped.toPlainString();
    }

    private static void write(StringBuilder out, Object value, boolean unescapedSlashes) {
        switch (value) {
            case null -> out.append("null");
            case String s -> writeString(out, s, unescapedSlashes);
            case Boolean b -> out.append(b);
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            case BigDecimal d -> out.append(phpFloat(d));
            case Double d -> out.append(phpFloat(BigDecimal.valueOf(d)));
            case Map<?, ?> map -> writeObject(out, map, unescapedSlashes);
            case Collection<?> list -> writeArray(out, list, unescapedSlashes);
            default -> throw new IllegalArgumentException("Unsupported JSON value type: " + value.getClass());
        }
    }

    private static void writeObject(StringBuilder out, Map<?, ?> map, boolean unescapedSlashes) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(out, String.valueOf(entry.getKey()), unescapedSlashes);
            out.append(':');
            write(out, entry.getValue(), unescapedSlashes);
        }
        out.append('}');
    }

    private static void writeArray(StringBuilder out, Collection<?> list, boolean unescapedSlashes) {
        out.append('[');
        boolean first = true;
        for (Object item : list) {
            if (!first) {
                out.append(',');
            }
            first = false;
            write(out, item, unescapedSlashes);
        }
        out.append(']');
    }

    private static void writeString(StringBuilder out, String s, boolean unescapedSlashes) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append(unescapedSlashes ? "/" : "\\/");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c >= 0x80) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
