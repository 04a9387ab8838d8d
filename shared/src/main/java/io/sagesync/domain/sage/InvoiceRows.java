package io.sagesync.domain.sage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

/**
 * Settles the rows' net amounts so that Σ (net + tax) = Magento's {@code grand_total} while every row keeps the tax
 * Magento charged (docs/accounting.md, rules 2–4):
 * <ol>
 *   <li><b>Shipping discount.</b> The part of the header {@code discount_amount} not inside any item row
 *       (|header| − Σ item discounts) is Magento's shipping discount; it goes on the shipping row.</li>
 *   <li><b>Hidden-tax compensation.</b> With tax-inclusive prices Magento discounts the gross price, so the item's
 *       discount contains tax (the "discount tax compensation") that the canonical's {@code line_total} does not
 *       give back. The residual {@code grand_total − Σ (net + tax)} is that compensation; it is taken off the
 *       discounted rows' discounts, each row's share in proportion to its own hidden tax
 *       ({@code discount × rate / (100 + rate)}, at the rate that explains the row's tax), to the penny, the
 *       largest share taking the remainder.</li>
 *   <li><b>Other header reductions</b> (a negative residual: order-level discounts not in the rows) are spread over
 *       the rows' discounts in proportion to net.</li>
 * </ol>
 * Whatever cannot be placed (more compensation than discount, a reduction larger than the nets) is left, and the
 * mapper's total check then refuses the invoice.
 */
final class InvoiceRows {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private InvoiceRows() {
    }

    static void settle(List<InvoiceRow> rows, BigDecimal grandTotal, BigDecimal headerDiscount,
                       List<TaxRateResolver.Resolved> candidates, Set<MappingWarning> warnings) {
        BigDecimal itemDiscounts = rows.stream().filter(r -> !r.shipping).map(r -> r.discount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal shippingDiscount = InvoiceRow.money(headerDiscount.abs()).subtract(itemDiscounts);
        InvoiceRow shippingRow = rows.stream().filter(r -> r.shipping).findFirst().orElse(null);
        if (shippingDiscount.signum() > 0 && shippingRow != null) {
            // a gross shipping discount can exceed the net shipping (free shipping on tax-inclusive prices): the net
            // part goes here, the tax part is compensation and comes back through the residual
            shippingRow.discount = shippingRow.discount.add(shippingDiscount.min(shippingRow.net().max(
                    BigDecimal.ZERO)));
        }
        BigDecimal residual = InvoiceRow.money(grandTotal).subtract(total(rows));
        if (residual.signum() > 0) {
            compensate(rows, residual, candidates, warnings);
        } else if (residual.signum() < 0) {
            spreadReduction(rows, residual.negate(), warnings);
        }
    }

    /** Σ (net + tax). */
    static BigDecimal total(List<InvoiceRow> rows) {
        return rows.stream().map(r -> r.net().add(r.tax)).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /**
     * Places {@code amount} of compensation on the discounted rows. Each row gets a window of compensation in which
     * its charged tax stays within Sage's rounding of its rate ({@link TaxRateResolver#tolerance}) and which does not
     * exceed its discount; it starts at Magento's own figure, {@code discount × rate / (100 + rate)}, clamped to the
     * window, and the pennies still to place (or to take back) go one at a time to the rows with the most room.
     * When the windows cannot hold the amount, the split is by hidden tax alone and the mapper's checks decide.
     */
    private static void compensate(List<InvoiceRow> rows, BigDecimal amount, List<TaxRateResolver.Resolved> rates,
                                   Set<MappingWarning> warnings) {
        int n = rows.size();
        long[] low = new long[n];
        long[] high = new long[n];
        long[] share = new long[n];
        long lowSum = 0;
        long highSum = 0;
        long placed = 0;
        for (int i = 0; i < n; i++) {
            long[] window = window(rows.get(i), rates);
            low[i] = window[0];
            high[i] = window[1];
            share[i] = window[2];
            lowSum += low[i];
            highSum += high[i];
            placed += share[i];
        }
        long target = amount.movePointRight(2).longValueExact();
        if (target < lowSum || target > highSum) {
            proportionally(rows, amount, rates);
            return;
        }
        while (placed != target) {
            int step = placed < target ? 1 : -1;
            int best = -1;
            long bestRoom = 0;
            for (int i = 0; i < n; i++) {
                long room = step > 0 ? high[i] - share[i] : share[i] - low[i];
                if (room > bestRoom) {
                    best = i;
                    bestRoom = room;
                }
            }
            share[best] += step;
            placed += step;
        }
        for (int i = 0; i < n; i++) {
            InvoiceRow row = rows.get(i);
            row.discount = row.discount.subtract(BigDecimal.valueOf(share[i], 2));
        }
    }

    /**
     * {@code [low, high, start]} in pennies of compensation for one row: 0,0,0 for a row without discount or tax;
     * else for the rate whose window holds Magento's hidden tax (or comes closest), the pennies that keep the row's
     * tax within tolerance and the discount non-negative, and the hidden tax clamped into them.
     */
    private static long[] window(InvoiceRow row, List<TaxRateResolver.Resolved> rates) {
        long discount = row.discount.movePointRight(2).longValue();
        if (discount <= 0 || row.tax.signum() <= 0) {
            return new long[] {0, 0, 0};
        }
        long[] best = null;
        long bestDistance = Long.MAX_VALUE;
        for (TaxRateResolver.Resolved rate : rates) {
            BigDecimal tolerance = TaxRateResolver.tolerance(row.quantity, rate.percent());
            BigDecimal lowNet = row.tax.subtract(tolerance).multiply(HUNDRED).divide(rate.percent(), 6,
                    RoundingMode.HALF_UP);
            BigDecimal highNet = row.tax.add(tolerance).multiply(HUNDRED).divide(rate.percent(), 6,
                    RoundingMode.HALF_UP);
            long low = Math.max(0, lowNet.subtract(row.net()).movePointRight(2).setScale(0, RoundingMode.CEILING)
                    .longValue());
            long high = Math.min(discount, highNet.subtract(row.net()).movePointRight(2)
                    .setScale(0, RoundingMode.FLOOR).longValue());
            if (low > high) {
                continue;
            }
            long hidden = row.discount.multiply(rate.percent()).divide(HUNDRED.add(rate.percent()), 2,
                    RoundingMode.HALF_UP).movePointRight(2).longValue();
            long start = Math.max(low, Math.min(high, hidden));
            long distance = Math.abs(start - hidden);
            if (distance < bestDistance) {
                best = new long[] {low, high, start};
                bestDistance = distance;
            }
        }
        return best != null ? best : new long[] {0, 0, 0};
    }

    private static void proportionally(List<InvoiceRow> rows, BigDecimal amount,
                                       List<TaxRateResolver.Resolved> rates) {
        BigDecimal[] weights = new BigDecimal[rows.size()];
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < rows.size(); i++) {
            weights[i] = hiddenTax(rows.get(i), rates);
            sum = sum.add(weights[i]);
        }
        if (sum.signum() == 0) {
            for (int i = 0; i < rows.size(); i++) {
                weights[i] = rows.get(i).discount.max(BigDecimal.ZERO);
                sum = sum.add(weights[i]);
            }
        }
        if (sum.signum() == 0) {
            return; // nothing discounted: the residual is unexplained, the total check refuses the invoice
        }
        BigDecimal[] shares = shares(amount, weights, sum);
        for (int i = 0; i < rows.size(); i++) {
            InvoiceRow row = rows.get(i);
            row.discount = row.discount.subtract(shares[i].min(row.discount.max(BigDecimal.ZERO)));
        }
    }

    /**
     * The tax hidden in a row's discount. A tax-inclusive discount {@code d} carries {@code d × rate / (100 + rate)}
     * of tax (Magento's discount tax compensation); a net discount carries none. The hypothesis (rate, with or
     * without hidden tax) under which the row's charged tax best matches its net wins. 0 without discount or tax.
     */
    static BigDecimal hiddenTax(InvoiceRow row, List<TaxRateResolver.Resolved> rates) {
        if (row.discount.signum() <= 0 || row.tax.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal best = BigDecimal.ZERO;
        BigDecimal bestError = null;
        for (TaxRateResolver.Resolved rate : rates) {
            BigDecimal hidden = row.discount.multiply(rate.percent())
                    .divide(HUNDRED.add(rate.percent()), 6, RoundingMode.HALF_UP);
            for (BigDecimal candidate : new BigDecimal[] {BigDecimal.ZERO, hidden}) {
                BigDecimal error = TaxRateResolver.error(row.net().add(candidate), row.tax, rate.percent());
                if (bestError == null || error.compareTo(bestError) < 0) {
                    best = candidate;
                    bestError = error;
                }
            }
        }
        return best;
    }

    private static void spreadReduction(List<InvoiceRow> rows, BigDecimal amount, Set<MappingWarning> warnings) {
        BigDecimal[] weights = new BigDecimal[rows.size()];
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < rows.size(); i++) {
            weights[i] = rows.get(i).net().max(BigDecimal.ZERO);
            sum = sum.add(weights[i]);
        }
        if (sum.compareTo(amount) < 0) {
            warnings.add(MappingWarning.HEADER_DISCOUNT_UNALLOCATED);
            return;
        }
        BigDecimal[] shares = shares(amount, weights, sum);
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).discount = rows.get(i).discount.add(shares[i]);
        }
        warnings.add(MappingWarning.HEADER_DISCOUNT_DISTRIBUTED);
    }

    /** {@code amount} split by weight to the penny; the largest weight takes the rounding remainder. */
    static BigDecimal[] shares(BigDecimal amount, BigDecimal[] weights, BigDecimal sum) {
        BigDecimal[] shares = new BigDecimal[weights.length];
        int largest = 0;
        BigDecimal placed = BigDecimal.ZERO;
        for (int i = 0; i < weights.length; i++) {
            shares[i] = amount.multiply(weights[i]).divide(sum, 2, RoundingMode.HALF_UP);
            placed = placed.add(shares[i]);
            if (weights[i].compareTo(weights[largest]) > 0) {
                largest = i;
            }
        }
        shares[largest] = shares[largest].add(amount.subtract(placed));
        return shares;
    }
}
