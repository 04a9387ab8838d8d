package io.sagesync.log;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Structured log lines over SLF4J: a fixed message plus identifier/code fields, e.g.
 * {@code LOG.info("run finished", "run_id", id, "status", "succeeded")}.
 *
 * <p>The fields travel as SLF4J key-value pairs; the per-invocation context (tenant, run id, event, step) is in the
 * SLF4J {@link org.slf4j.MDC}, set by the use case or handler. The provider is {@link StdoutLogProvider}: one JSON
 * object per line for Lambda, a readable console line in {@code make local}. Callers pass identifiers and codes
 * only: never tokens, keys, bodies, e-mails or addresses. There is deliberately no method that takes a throwable or
 * an arbitrary object to serialise: an exception message can carry a secret, so callers log its class name.
 */
public final class Log {
    private final Logger logger;

    private Log(Logger logger) {
        this.logger = logger;
    }

    public static Log of(Class<?> type) {
        return new Log(LoggerFactory.getLogger(type));
    }

    /**
     * Sets an invocation context field (tenant, run_id, event, step, ...) in the SLF4J MDC of the current thread, so
     * every line until {@link #clearContext()} carries it; a null value removes the field.
     */
    public static void withContext(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    /** A copy of this thread's context, to carry it to work done on another thread ({@link #restoreContext}). */
    public static java.util.Map<String, String> context() {
        java.util.Map<String, String> copy = MDC.getCopyOfContextMap();
        return copy == null ? java.util.Map.of() : java.util.Map.copyOf(copy);
    }

    /** Replaces this thread's context with {@code context} (from {@link #context()} on the submitting thread). */
    public static void restoreContext(java.util.Map<String, String> context) {
        MDC.setContextMap(new java.util.HashMap<>(context));
    }

    /** Clears the invocation context; handlers call it when an invocation ends (Lambda reuses the thread). */
    public static void clearContext() {
        MDC.clear();
    }

    public void info(String message, Object... keyValues) {
        write(logger.atInfo(), message, keyValues);
    }

    public void warn(String message, Object... keyValues) {
        write(logger.atWarn(), message, keyValues);
    }

    public void error(String message, Object... keyValues) {
        write(logger.atError(), message, keyValues);
    }

    private static void write(LoggingEventBuilder event, String message, Object[] keyValues) {
        LoggingEventBuilder withFields = event;
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            withFields = withFields.addKeyValue(Objects.toString(keyValues[i]), keyValues[i + 1]);
        }
        withFields.log(message);
    }
}
