package io.sagesync.domain.sage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The one place the exchange-rate direction is decided (docs/accounting.md, "Exchange-rate direction").
 * Magento: order amount = base amount × {@code base_to_order_rate} (§d). Sage: {@code exchange_rate} is taken as
 * base-currency units per one unit of the document currency, so {@code exchange_rate = 1 / base_to_order_rate}
 * (10 dp, the §g rule Byte8's production connector posts) and Sage's {@code base_currency_total_amount} must equal
 * {@code grand_total ÷ base_to_order_rate}. Sage's spec does not define the direction, so the worker reads
 * {@code base_currency_total_amount} back after every foreign-currency post and raises a reconciliation alarm when
 * it disagrees ({@link #expectedBaseTotal}).
 */
public final class ExchangeRates {
    private ExchangeRates() {
    }

    /** {@code 1 / base_to_order_rate}, 10 dp; empty when the rate is missing or not positive. */
    public static Optional<BigDecimal> sageExchangeRate(BigDecimal baseToOrderRate) {
        if (baseToOrderRate == null || baseToOrderRate.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.ONE.divide(baseToOrderRate, 10, RoundingMode.HALF_UP));
    }

    /** What Sage's base-currency total must be: {@code grand_total ÷ base_to_order_rate}, 2 dp. */
    public static Optional<BigDecimal> expectedBaseTotal(BigDecimal grandTotal, BigDecimal baseToOrderRate) {
        if (baseToOrderRate == null || baseToOrderRate.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(grandTotal.divide(baseToOrderRate, 2, RoundingMode.HALF_UP));
    }
}
