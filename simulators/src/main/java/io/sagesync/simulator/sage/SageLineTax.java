package io.sagesync.simulator.sage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Sage's check of a supplied line {@code tax_amount} against the line's rate. Sage's guide makes the client compute
 * line tax ({@code net × rate / 100}, 2 dp) and documents no tolerance; the simulator accepts what a shop's own
 * rounding can produce and refuses anything else:
 * <ul>
 *   <li>zero, exempt and no-tax rates: the tax must be 0 (Sage infers 0.0 for them);</li>
 *   <li>other rates: {@code |tax − net × rate / 100| ≤ 0.01 + 0.005 × (1 + rate / 100) × max(1, quantity)}, i.e.
 *       one penny for row rounding plus what per-unit rounding can produce: half a penny of tax a unit, carried once
 *       more at the rate by the rounded unit net (Magento's "unit price" calculation: 10 × £2.99 incl. 5 % is 1.40
 *       VAT on £28.50, 2.5p from 5 %).</li>
 * </ul>
 */
final class SageLineTax {
    private static final BigDecimal PENNY = new BigDecimal("0.01");
    private static final BigDecimal HALF_PENNY = new BigDecimal("0.005");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private SageLineTax() {
    }

    /** Tolerance for a line of {@code quantity} units at {@code percentage}. */
    static BigDecimal tolerance(BigDecimal quantity, BigDecimal percentage) {
        BigDecimal perUnit = HALF_PENNY.multiply(BigDecimal.ONE.add(percentage.abs().divide(HUNDRED, 6,
                RoundingMode.HALF_UP)));
        return PENNY.add(perUnit.multiply(quantity.abs().max(BigDecimal.ONE)));
    }

    /** The line's stored tax, or a 422 when it contradicts the rate. */
    static BigDecimal checked(SageRegion.Rate rule, BigDecimal percentage, BigDecimal net, BigDecimal quantity,
                              BigDecimal tax) {
        if (rule != null && rule.kind().carriesNoTax()) {
            if (tax.signum() != 0) {
                throw SageApiException.invalid("line_items.tax_amount",
                        "must be 0 for a " + rule.kind().name().toLowerCase(java.util.Locale.ROOT) + " tax rate");
            }
            return tax;
        }
        BigDecimal expected = net.multiply(percentage).divide(HUNDRED, 6, RoundingMode.HALF_UP);
        if (expected.subtract(tax).abs().compareTo(tolerance(quantity, percentage)) > 0) {
            throw SageApiException.invalid("line_items.tax_amount", "Tax amount " + tax.toPlainString()
                    + " does not match " + percentage.stripTrailingZeros().toPlainString() + "% of "
                    + net.toPlainString());
        }
        return tax;
    }
}
