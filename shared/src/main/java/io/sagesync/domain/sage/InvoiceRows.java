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
 *       ({@code tax ÷ rate − net}, the net at which the charged tax is exact), to the penny, the largest share
 *       taking the remainder.</li>
 *   <li><b>Other header reductions</b> (a negative residual: order-level discounts not in the rows) are spread over
 *       the rows' discounts in proportion to net.</li>
 * </ol>
 * Whatever cannot be placed (more compensation than discount, a reduction larger than the nets) is left, and the
 * mapper's total check then refuses the invoice.
 */
final class InvoiceRows {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal PENNY = new BigDecimal("0.01");

    private InvoiceRows() {
    }

    static void settle(List<InvoiceRow> rows, BigDecimal grandTotal, BigDecimal headerDiscount,
                       List<TaxRateResolver.Resolved> candidates, Set<MappingWarning> warnings) {
        BigDecimal itemDiscounts = rows.stream().filter(r -> !r.shipping).map(r -> r.discount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal shippingDiscount = InvoiceRow.money(headerDiscount.abs()).subtract(itemDiscounts);
        InvoiceRow shippingRow = rows.stream().filter(r -> r.shipping).findFirst().orElse(null);
        if (shippingDiscount.signum() > 0 && shippingRow != null
                && shippingDiscount.compareTo(shippingRow.net()) <= 0) {
            shippingRow.discount = shippingRow.discount.add(shippingDiscount);
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

    private static void compensate(List<InvoiceRow> rows, BigDecimal amount, List<TaxRateResolver.Resolved> rates,
                                   Set<MappingWarning> warnings) {
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
     * The tax hidden in a row's discount: {@code tax ÷ rate − net} for the rate that explains a tax-inclusive
     * discount best, clamped to [0, discount]; 0 for rows without discount or tax.
     */
    static BigDecimal hiddenTax(InvoiceRow row, List<TaxRateResolver.Resolved> rates) {
        if (row.discount.signum() <= 0 || row.tax.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal best = BigDecimal.ZERO;
        BigDecimal bestDistance = null;
        for (TaxRateResolver.Resolved rate : rates) {
            BigDecimal idealNet = row.tax.multiply(HUNDRED).divide(rate.percent(), 2, RoundingMode.HALF_UP);
            BigDecimal compensation = idealNet.subtract(row.net());
            if (compensation.signum() <= 0 || compensation.compareTo(row.discount.add(PENNY)) > 0) {
                continue;
            }
            // a tax-inclusive discount d carries d × rate / (100 + rate) of tax
            BigDecimal expected = row.discount.multiply(rate.percent())
                    .divide(HUNDRED.add(rate.percent()), 6, RoundingMode.HALF_UP);
            BigDecimal distance = expected.subtract(compensation).abs();
            if (bestDistance == null || distance.compareTo(bestDistance) < 0) {
                best = compensation.min(row.discount);
                bestDistance = distance;
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
