package io.sagesync.application.console;

import io.sagesync.domain.DocumentTotals;
import io.sagesync.domain.EntityType;
import io.sagesync.domain.RunRecord;
import io.sagesync.domain.RunStatus;
import io.sagesync.port.DailyTotals;
import io.sagesync.port.RunHistory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;

/**
 * The console's Reconciliation area: per document date, Magento's totals against Sage's per currency with every
 * disagreeing document linked to its run ({@link #moneyLastDays}, from the per-day aggregate the sync worker keeps);
 * and per UTC day received, how many Magento documents were accepted and how they ended ({@link #lastDays}).
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

    /**
     * One currency and document kind on one day.
     *
     * @param documents    documents posted (or read back) with this date
     * @param magentoTotal sum of Magento's grand totals
     * @param sageTotal    sum of Sage's totals (documents whose total Sage did not report add nothing)
     */
    public record Money(String currency, DocumentTotals.Kind kind, int documents, BigDecimal magentoTotal,
                        BigDecimal sageTotal) {
        /** Sage minus Magento. */
        public BigDecimal difference() {
            return sageTotal.subtract(magentoTotal);
        }
    }

    /**
     * The books' view of one document date: Magento against Sage per currency and kind, and each document whose
     * Sage total differs from Magento's by more than a penny, with its run.
     */
    public record MoneyDay(LocalDate date, List<Money> totals, List<DailyTotals.Entry> mismatches) {
    }

    private final RunHistory history;
    private final DailyTotals dailyTotals;
    private final Clock clock;

    public Reconciliation(RunHistory history, DailyTotals dailyTotals, Clock clock) {
        this.history = Objects.requireNonNull(history, "history");
        this.dailyTotals = Objects.requireNonNull(dailyTotals, "dailyTotals");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Money per document date for the last {@code days} UTC days, today first (days without documents included):
     * one Query on the per-day aggregate ({@link DailyTotals}), never the runs.
     */
    public List<MoneyDay> moneyLastDays(int days) {
        return moneyDays(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), days);
    }

    /** Money per document date for the {@code days} days ending with {@code last}, newest first. */
    public List<MoneyDay> moneyDays(LocalDate last, int days) {
        LocalDate today = last;
        Map<LocalDate, List<DailyTotals.Entry>> byDate = new TreeMap<>(Comparator.reverseOrder());
        for (int i = 0; i < days; i++) {
            byDate.put(today.minusDays(i), new ArrayList<>());
        }
        for (DailyTotals.Entry e : dailyTotals.between(today.minusDays(days - 1L), today)) {
            byDate.computeIfAbsent(e.totals().date(), d -> new ArrayList<>()).add(e);
        }
        List<MoneyDay> out = new ArrayList<>();
        byDate.forEach((date, entries) -> out.add(moneyDay(date, entries)));
        return out;
    }

    static MoneyDay moneyDay(LocalDate date, List<DailyTotals.Entry> entries) {
        // by currency, invoices before credit notes
        Map<String, Money> sums = new TreeMap<>();
        for (DailyTotals.Entry e : entries) {
            DocumentTotals t = e.totals();
            Money m = sums.getOrDefault(t.currency() + " " + t.kind().ordinal(),
                    new Money(t.currency(), t.kind(), 0, BigDecimal.ZERO, BigDecimal.ZERO));
            sums.put(t.currency() + " " + t.kind().ordinal(), new Money(t.currency(), t.kind(), m.documents() + 1,
                    m.magentoTotal().add(t.magentoTotal()),
                    t.sageTotal() == null ? m.sageTotal() : m.sageTotal().add(t.sageTotal())));
        }
        List<DailyTotals.Entry> mismatches = entries.stream().filter(e -> e.totals().mismatch())
                .sorted(Comparator.comparing(DailyTotals.Entry::runId)).toList();
        return new MoneyDay(date, List.copyOf(sums.values()), mismatches);
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
