package io.sagesync.log;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

/**
 * One logger of {@link StdoutLogProvider}. A Lambda line is one JSON object: {@code ts} (UTC, milliseconds),
 * {@code level}, {@code logger}, {@code message}, {@code error_class} when a throwable was given (its class only:
 * messages can carry secrets), then the context, i.e. the MDC and the call's key-value pairs (the call's value wins,
 * each key once, every value a string, keys sorted). With {@code -Dsagesync.log.format=console}: time, level, short
 * logger name, message, then the context as {@code {key=value, ...}} and any stack trace.
 */
final class StdoutLogger extends LegacyAbstractLogger implements LoggingEventAware {
    private static final long serialVersionUID = 1L;
    static final String FORMAT_PROPERTY = "sagesync.log.format";
    private static final DateTimeFormatter JSON_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CONSOLE_TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final boolean quiet;

    StdoutLogger(String name, boolean quiet) {
        this.name = name;
        this.quiet = quiet;
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public boolean isInfoEnabled() {
        return !quiet;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    /** The classic API ({@code info(String, Object...)}): SLF4J has already separated the throwable. */
    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        write(level, MessageFormatter.basicArrayFormat(pattern, arguments), throwable, List.of());
    }

    /** The fluent API ({@code atInfo().addKeyValue(..).log(..)}), which {@link Log} uses. */
    @Override
    public void log(LoggingEvent event) {
        if (!isEnabledForLevel(event.getLevel())) {
            return;
        }
        FormattingTuple formatted = MessageFormatter.arrayFormat(event.getMessage(), event.getArgumentArray());
        Throwable throwable = event.getThrowable() != null ? event.getThrowable() : formatted.getThrowable();
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        write(event.getLevel(), formatted.getMessage(), throwable, pairs == null ? List.of() : pairs);
    }

    private void write(Level level, String message, Throwable throwable, List<KeyValuePair> pairs) {
        Map<String, String> context = new TreeMap<>();
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        if (mdc != null) {
            context.putAll(mdc);
        }
        for (KeyValuePair pair : pairs) {
            context.put(String.valueOf(pair.key), String.valueOf(pair.value));
        }
        Instant now = Instant.now();
        PrintStream out = System.out;
        if ("console".equals(System.getProperty(FORMAT_PROPERTY))) {
            out.print(consoleLine(now, level, message, throwable, context));
        } else {
            out.print(jsonLine(now, level, message, throwable, context));
        }
    }

    private String jsonLine(Instant now, Level level, String message, Throwable throwable,
                            Map<String, String> context) {
        StringBuilder line = new StringBuilder(160);
        line.append("{\"ts\":\"").append(JSON_TIME.format(now)).append("\",\"level\":\"").append(level.name())
                .append('"');
        field(line, "logger", name);
        field(line, "message", message);
        if (throwable != null) {
            field(line, "error_class", throwable.getClass().getName());
        }
        context.forEach((key, value) -> field(line, key, value));
        return line.append("}\n").toString();
    }

    private String consoleLine(Instant now, Level level, String message, Throwable throwable,
                               Map<String, String> context) {
        String shortName = name.substring(name.lastIndexOf('.') + 1);
        StringBuilder line = new StringBuilder(160).append(CONSOLE_TIME.format(now)).append(' ')
                .append(String.format("%-5s %-20.20s ", level.name(), shortName)).append(message)
                .append("  ").append(context).append('\n');
        if (throwable != null) {
            StringWriter trace = new StringWriter();
            throwable.printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString();
    }

    private static void field(StringBuilder line, String key, String value) {
        line.append(',');
        quoted(line, key);
        line.append(':');
        quoted(line, value);
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    static void quoted(StringBuilder line, String value) {
        String text = String.valueOf(value);
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }
}
