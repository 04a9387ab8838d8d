package io.sagesync.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * The money of one posted document as both sides hold it, recorded on the run when the worker posted (or found)
 * it: what reconciliation per day sums.
 *
 * @param kind         invoice or credit note
 * @param date         the document date (the date on the Sage document, which is the books' date)
 * @param currency     ISO-4217 document currency, upper case
 * @param magentoTotal Magento's {@code grand_total}, rounded to the penny
 * @param sageTotal    Sage's {@code total_amount}; null when Sage did not report one
 */
public record DocumentTotals(Kind kind, LocalDate date, String currency, BigDecimal magentoTotal,
                             BigDecimal sageTotal) {
    /** Sage and Magento agree within this. */
    public static final BigDecimal PENNY = new BigDecimal("0.01");

    public enum Kind {
        INVOICE("invoice"), CREDIT_NOTE("credit_note");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Kind fromWire(String value) {
            for (Kind k : values()) {
                if (k.wireName.equals(value)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown document kind: " + value);
        }
    }

    public DocumentTotals {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
        currency = Objects.requireNonNull(currency, "currency").toUpperCase(Locale.ROOT);
        magentoTotal = Objects.requireNonNull(magentoTotal, "magentoTotal").setScale(2, RoundingMode.HALF_UP);
    }

    /** True when Sage reported no total or one more than a penny away from Magento's. */
    public boolean mismatch() {
        return sageTotal == null || sageTotal.subtract(magentoTotal).abs().compareTo(PENNY) > 0;
    }
}
