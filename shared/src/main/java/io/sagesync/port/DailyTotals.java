package io.sagesync.port;

import io.sagesync.domain.DocumentTotals;
import java.time.LocalDate;
import java.util.List;

/**
 * Posted documents' money, kept per document date as runs finish, so that reconciliation per day reads a few items
 * instead of every run. Recording is idempotent per run (a run recorded again replaces its own entry). All methods
 * throw {@link InfrastructureException} when the store is unavailable.
 */
public interface DailyTotals {

    /** One run's document, as recorded. */
    record Entry(String runId, DocumentTotals totals) {
    }

    void record(String runId, DocumentTotals totals);

    /** Every document dated within {@code [from, to]} (both inclusive), in no particular order. */
    List<Entry> between(LocalDate from, LocalDate to);
}
