package io.sagesync.log;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * CloudWatch metrics in the Embedded Metric Format: one JSON object per line on stdout, which Lambda ships to
 * CloudWatch Logs, where CloudWatch extracts the metrics. No API calls, no extra latency, no PutMetricData permission.
 *
 * <p>Namespace {@value #NAMESPACE}; every metric carries the dimensions {@code tenant} and {@code function}, plus one
 * metric-specific dimension ({@code outcome} or {@code step}). The dimension sets are fixed, so alarms in
 * {@code template.yaml} can name them exactly: an EMF metric is only found under its complete dimension set.
 * Values are identifiers and codes only; nothing here ever carries tokens, keys or personal data.
 */
public final class Metrics {
    public static final String NAMESPACE = "sagesync";
    public static final String RUNS_BY_OUTCOME = "RunsByOutcome";
    public static final String STEP_LATENCY = "StepLatency";
    public static final String RETRIES = "Retries";
    public static final String PUSH_OUTCOME = "PushOutcome";
    public static final String RECONCILIATION_MISMATCHES = "ReconciliationMismatches";
    public static final String MAPPING_WARNINGS = "MappingWarnings";

    private final String tenant;
    private final String function;
    private final Clock clock;
    private final Consumer<String> sink;

    /**
     * @param tenant   the stack's tenant id
     * @param function the emitting function ({@code webhook}, {@code sync}, {@code push})
     * @param clock    timestamps of the metric records
     * @param sink     receives each EMF line (production: stdout)
     */
    public Metrics(String tenant, String function, Clock clock, Consumer<String> sink) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.function = Objects.requireNonNull(function, "function");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Metrics written to stdout, as Lambda expects EMF (resolved per line, so a redirected stdout is honoured). */
    public static Metrics toStdout(String tenant, String function, Clock clock) {
        return new Metrics(tenant, function, clock, line -> System.out.println(line));
    }

    /** One terminal run, by outcome ({@code succeeded}, {@code skipped}, {@code failed}). */
    public void runOutcome(String outcome) {
        emit(RUNS_BY_OUTCOME, "Count", 1, "outcome", outcome);
    }

    /** How long one step of a run took (e.g. {@code magento_fetch}, {@code sage_post}, {@code push}). */
    public void stepLatency(String step, Duration duration) {
        emit(STEP_LATENCY, "Milliseconds", duration.toMillis(), "step", step);
    }

    /** A retry was scheduled for {@code step}. */
    public void retry(String step) {
        emit(RETRIES, "Count", 1, "step", step);
    }

    /**
     * A posted sales invoice whose Sage totals ({@code total_amount}, {@code base_currency_total_amount}) disagree
     * with Magento's: the books are wrong until someone looks, so an alarm watches this (dimension
     * {@code document = sales_invoice}).
     */
    public void reconciliationMismatch() {
        emit(RECONCILIATION_MISMATCHES, "Count", 1, "document", "sales_invoice");
    }

    /** One mapping warning of a run, by code (e.g. {@code tax_rate_defaulted}). */
    public void mappingWarning(String code) {
        emit(MAPPING_WARNINGS, "Count", 1, "code", code);
    }

    /** One sync-state push attempt, by outcome ({@code delivered}, {@code rejected}, {@code retrying}, ...). */
    public void pushOutcome(String outcome) {
        emit(PUSH_OUTCOME, "Count", 1, "outcome", outcome);
    }

    private void emit(String metric, String unit, long value, String dimension, String dimensionValue) {
        StringBuilder line = new StringBuilder(320).append("{\"_aws\":{\"Timestamp\":")
                .append(clock.millis())
                .append(",\"CloudWatchMetrics\":[{\"Namespace\":\"").append(NAMESPACE)
                .append("\",\"Dimensions\":[[\"tenant\",\"function\",");
        appendString(line, dimension).append("]],\"Metrics\":[{\"Name\":");
        appendString(line, metric).append(",\"Unit\":");
        appendString(line, unit).append("}]}]},\"tenant\":");
        appendString(line, tenant).append(",\"function\":");
        appendString(line, function).append(',');
        appendString(line, dimension).append(':');
        appendString(line, dimensionValue == null ? "unknown" : dimensionValue).append(',');
        appendString(line, metric).append(':').append(value).append('}');
        sink.accept(line.toString());
    }

    /** A JSON string literal, escaped as log lines are ({@link StdoutLogger#quoted}), so a line is valid JSON. */
    private static StringBuilder appendString(StringBuilder sb, String s) {
        StdoutLogger.quoted(sb, s);
        return sb;
    }
}
