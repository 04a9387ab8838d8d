package io.sagesync.testkit.fakes;

import io.sagesync.domain.DocumentTotals;
import io.sagesync.port.DailyTotals;
import io.sagesync.port.InfrastructureException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link DailyTotals} in memory: one entry per run, replaced when recorded again. */
public final class InMemoryDailyTotals implements DailyTotals {
    private final Map<String, DocumentTotals> byRun = new ConcurrentHashMap<>();
    /** When true, every call fails as the store being unavailable. */
    public volatile boolean unavailable;

    @Override
    public void record(String runId, DocumentTotals totals) {
        check();
        byRun.put(runId, totals);
    }

    @Override
    public List<Entry> between(LocalDate from, LocalDate to) {
        check();
        return byRun.entrySet().stream()
                .filter(e -> !e.getValue().date().isBefore(from) && !e.getValue().date().isAfter(to))
                .map(e -> new Entry(e.getKey(), e.getValue())).toList();
    }

    public Map<String, DocumentTotals> all() {
        return Map.copyOf(byRun);
    }

    private void check() {
        if (unavailable) {
            throw new InfrastructureException("daily totals unavailable (fake)");
        }
    }
}
