package io.sagesync.application.console;

import io.sagesync.domain.EntityType;
import io.sagesync.domain.RunRecord;
import io.sagesync.domain.RunStatus;
import io.sagesync.port.RunHistory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The console's Reconciliation area, from what runs record today: per UTC day, how many Magento documents were
 * accepted and how they ended in Sage, and every run whose Sage total differed from Magento's grand_total
 * ({@code total_mismatch}). Money totals per day need amounts on runs, which runs do not carry yet (see
 * docs/console.md); the page says so rather than inventing them.
 */
public final class Reconciliation {

    /**
     * @param day        UTC day
     * @param documents  invoice and credit-memo runs accepted that day (one per Magento document and event)
     * @param inSage     of those, succeeded (posted, or found already posted)
     * @param skipped    skipped by the sync policy
     * @param failed     failed (latest outcome)
     * @param pending    not finished yet
     * @param mismatches succeeded runs whose Sage total differs from Magento's
     */
    public record Day(LocalDate day, int documents, int inSage, int skipped, int failed, int pending,
                      List<RunRecord> mismatches) {
    }

    private final RunHistory history;
    private final Clock clock;

    public Reconciliation(RunHistory history, Clock clock) {
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The last {@code days} UTC days, today first. */
    public List<Day> lastDays(int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Day> out = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            out.add(day(today.minusDays(i)));
        }
        return out;
    }

    Day day(LocalDate day) {
        var from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<RunRecord> documents = history.createdBetween(from, from.plusSeconds(86_400), ConsoleRuns.PAGE)
                .stream().filter(r -> {
                    EntityType t = r.run().event().entityType();
                    return t == EntityType.INVOICE || t == EntityType.CREDITMEMO;
                }).toList();
        return new Day(day, documents.size(), count(documents, RunStatus.SUCCEEDED),
                count(documents, RunStatus.SKIPPED), count(documents, RunStatus.FAILED),
                count(documents, RunStatus.QUEUED) + count(documents, RunStatus.RUNNING),
                documents.stream().filter(RunRecord::totalMismatch).toList());
    }

    private static int count(List<RunRecord> runs, RunStatus status) {
        return (int) runs.stream().filter(r -> r.run().status() == status).count();
    }
}
