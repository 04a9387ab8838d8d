package io.sagesync.application.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.domain.DocumentTotals;
import io.sagesync.domain.DocumentTotals.Kind;
import io.sagesync.domain.EntityType;
import io.sagesync.domain.RunRecord;
import io.sagesync.port.RunHistory;
import io.sagesync.testkit.fakes.InMemoryDailyTotals;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Money per document date: sums per currency and kind, mismatches by run, empty days kept, window bounded. */
class ReconciliationTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T15:00:00Z"), ZoneOffset.UTC);

    private final InMemoryDailyTotals totals = new InMemoryDailyTotals();
    private final Reconciliation reconciliation = new Reconciliation(new NoRuns(), totals, CLOCK);

    @Test
    void sumsEachCurrencyAndKind_andListsOnlyTheDisagreeingDocuments() {
        totals.record("run-1", doc(Kind.INVOICE, TODAY, "GBP", "126.00", "126.00"));
        totals.record("run-2", doc(Kind.INVOICE, TODAY, "GBP", "10.80", "10.60"));
        totals.record("run-3", doc(Kind.INVOICE, TODAY, "EUR", "50.00", "50.00"));
        totals.record("run-4", doc(Kind.CREDIT_NOTE, TODAY, "GBP", "18.00", "18.00"));

        Reconciliation.MoneyDay today = reconciliation.moneyLastDays(7).get(0);

        assertThat(today.date()).isEqualTo(TODAY);
        assertThat(today.totals()).containsExactly(
                new Reconciliation.Money("EUR", Kind.INVOICE, 1, new BigDecimal("50.00"), new BigDecimal("50.00")),
                new Reconciliation.Money("GBP", Kind.INVOICE, 2, new BigDecimal("136.80"),
                        new BigDecimal("136.60")),
                new Reconciliation.Money("GBP", Kind.CREDIT_NOTE, 1, new BigDecimal("18.00"),
                        new BigDecimal("18.00")));
        assertThat(today.totals().get(1).difference()).isEqualByComparingTo("-0.20");
        assertThat(today.mismatches()).extracting(e -> e.runId()).containsExactly("run-2");
    }

    @Test
    void aPennyApartAgrees_aMissingSageTotalDoesNot() {
        totals.record("run-1", doc(Kind.INVOICE, TODAY, "GBP", "10.00", "10.01"));
        totals.record("run-2", doc(Kind.INVOICE, TODAY, "GBP", "20.00", null));

        Reconciliation.MoneyDay today = reconciliation.moneyLastDays(1).get(0);

        assertThat(today.mismatches()).extracting(e -> e.runId()).containsExactly("run-2");
        assertThat(today.totals().get(0).sageTotal()).isEqualByComparingTo("10.01");
        assertThat(today.totals().get(0).magentoTotal()).isEqualByComparingTo("30.00");
    }

    @Test
    void everyDayOfTheWindowIsShown_newestFirst_andOlderDocumentsAreLeftOut() {
        totals.record("run-1", doc(Kind.INVOICE, TODAY.minusDays(2), "GBP", "5.00", "5.00"));
        totals.record("run-old", doc(Kind.INVOICE, TODAY.minusDays(9), "GBP", "7.00", "1.00"));

        List<Reconciliation.MoneyDay> days = reconciliation.moneyLastDays(7);

        assertThat(days).extracting(Reconciliation.MoneyDay::date)
                .containsExactly(TODAY, TODAY.minusDays(1), TODAY.minusDays(2), TODAY.minusDays(3),
                        TODAY.minusDays(4), TODAY.minusDays(5), TODAY.minusDays(6));
        assertThat(days.get(0).totals()).isEmpty();
        assertThat(days.get(2).totals()).singleElement()
                .satisfies(m -> assertThat(m.magentoTotal()).isEqualByComparingTo("5.00"));
        assertThat(days).flatExtracting(Reconciliation.MoneyDay::mismatches).isEmpty();
    }

    @Test
    void aRunRecordedAgain_countsOnce() {
        totals.record("run-1", doc(Kind.INVOICE, TODAY, "GBP", "10.00", "9.00"));
        totals.record("run-1", doc(Kind.INVOICE, TODAY, "GBP", "10.00", "10.00"));

        Reconciliation.MoneyDay today = reconciliation.moneyLastDays(1).get(0);

        assertThat(today.totals()).singleElement().satisfies(m -> assertThat(m.documents()).isEqualTo(1));
        assertThat(today.mismatches()).isEmpty();
    }

    private static DocumentTotals doc(Kind kind, LocalDate date, String currency, String magento, String sage) {
        return new DocumentTotals(kind, date, currency, new BigDecimal(magento),
                sage == null ? null : new BigDecimal(sage));
    }

    /** The money view never reads runs. */
    private static final class NoRuns implements RunHistory {
        @Override
        public List<RunRecord> createdBetween(Instant from, Instant to, int limit) {
            throw new AssertionError("money per day must not read runs");
        }

        @Override
        public Optional<RunRecord> find(String runId) {
            throw new AssertionError("money per day must not read runs");
        }

        @Override
        public List<RunRecord> forEntity(EntityType type, long magentoEntityId) {
            throw new AssertionError("money per day must not read runs");
        }
    }
}
