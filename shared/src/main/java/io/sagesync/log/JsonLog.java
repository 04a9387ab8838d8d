package io.sagesync.log;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured JSON logs, one object per line on stdout (Lambda ships stdout to CloudWatch Logs).
 *
 * <p>Every line carries the level, the logger, a message and the per-invocation context (tenant, run id, event, step)
 * set with {@link #withContext}. Callers pass identifiers and codes only: never tokens, keys, bodies, emails or
 * addresses. There is deliberately no method that takes an arbitrary object to serialise.
 */
public final class JsonLog {
    private static final ThreadLocal<Map<String, String>> CONTEXT = ThreadLocal.withInitial(LinkedHashMap::new);
    private static volatile PrintStream out = System.out;
    private static volatile Clock clock = Clock.systemUTC();

    private final String logger;

    private JsonLog(String logger) {
        this.logger = logger;
    }

    public static JsonLog of(Class<?> type) {
        return new JsonLog(type.getSimpleName());
    }

    /** Redirects output (tests capture logs to scan them for secrets). */
    public static void redirect(PrintStream stream, Clock withClock) {
        out = stream;
        clock = withClock;
    }

    /** Sets a context field for the current thread until {@link #clearContext()}; null removes it. */
    public static void withContext(String key, String value) {
        if (value == null) {
            CONTEXT.get().remove(key);
        } else {
            CONTEXT.get().put(key, value);
        }
    }

    public static void clearContext() {
        CONTEXT.get().clear();
    }

    public void info(String message, Object... keyValues) {
        write("INFO", message, keyValues);
    }

    public void warn(String message, Object... keyValues) {
        write("WARN", message, keyValues);
    }

    public void error(String message, Object... keyValues) {
        write("ERROR", message, keyValues);
    }

    private void write(String level, String message, Object[] keyValues) {
        // context first, then the call's own fields; a key given in both appears once, with the call's value
        Map<String, Object> fields = new LinkedHashMap<>(CONTEXT.get());
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            fields.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        StringBuilder line = new StringBuilder(160).append('{');
        field(line, "ts", clock.instant().toString()).append(',');
        field(line, "level", level).append(',');
        field(line, "logger", logger).append(',');
        field(line, "message", message);
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            line.append(',');
            Object v = e.getValue();
            if (v instanceof Number || v instanceof Boolean) {
                appendString(line, e.getKey()).append(':').append(v);
            } else {
                field(line, e.getKey(), v == null ? null : String.valueOf(v));
            }
        }
        line.append('}');
        out.println(line);
    }

    private static StringBuilder field(StringBuilder sb, String key, String value) {
        appendString(sb, key).append(':');
        return value == null ? sb.append("null") : appendString(sb, value);
    }

    static StringBuilder appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }
}
