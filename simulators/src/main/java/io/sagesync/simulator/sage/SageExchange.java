package io.sagesync.simulator.sage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place the simulator converts a document amount into the business's base currency.
 *
 * <p>Direction: {@code exchange_rate} is <b>base-currency units per one unit of the document currency</b>, so
 * {@code base_currency_total_amount = total_amount × exchange_rate} (a GBP business invoicing €117.00 at
 * {@code exchange_rate} 0.8547008547 books £100.00). Sage's spec only says "the exchange rate for the invoice"; this
 * is the direction Byte8's production connector posts ({@code 1 / base_to_order_rate}) and that sagesync posts, and
 * sagesync checks it against the real Sage on every foreign-currency invoice by reading
 * {@code base_currency_total_amount} back (docs/accounting.md, "Exchange-rate direction").
 * {@code inverse_exchange_rate} is its reciprocal.
 */
final class SageExchange {
    private SageExchange() {
    }

    /** {@code amount} in base currency, 2 dp half-up. */
    static BigDecimal toBase(BigDecimal amount, BigDecimal exchangeRate) {
        return amount.multiply(exchangeRate).setScale(2, RoundingMode.HALF_UP);
    }

    /** The reciprocal rate Sage reports as {@code inverse_exchange_rate}. */
    static BigDecimal inverse(BigDecimal exchangeRate) {
        return BigDecimal.ONE.divide(exchangeRate, 10, RoundingMode.HALF_UP);
    }
}
