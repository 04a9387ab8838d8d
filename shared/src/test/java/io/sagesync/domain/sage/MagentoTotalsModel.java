package io.sagesync.domain.sage;

import io.sagesync.domain.magento.CanonicalAddress;
import io.sagesync.domain.magento.CanonicalContact;
import io.sagesync.domain.magento.CanonicalInvoice;
import io.sagesync.domain.magento.CanonicalInvoiceLine;
import io.sagesync.domain.magento.InvoiceState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A small model of how Magento 2 computes an invoice's totals, so property tests can produce the canonical invoice
 * Magento would send for a random basket. It is test code written from Magento's documented behaviour, not from the
 * mapper:
 * <ul>
 *   <li><b>Catalogue prices excluding tax</b>, tax after discount, discount on the net price: row = price × qty;
 *       item discount {@code d}; tax = round((row − d) × rate) per row, or per unit
 *       ({@code qty × round((row − d) / qty × rate)}) with the "unit price" algorithm.</li>
 *   <li><b>Catalogue prices including tax</b>, discount on the gross price, tax after discount: the full tax is
 *       {@code round(gross × rate / (100 + rate))} (per unit or per row), the net row is gross − full tax; the
 *       discount {@code d} is gross; tax after discount = {@code round((gross − d) × rate / (100 + rate))}; the buyer
 *       pays gross − d. Magento's "discount tax compensation" (full tax − tax after discount) is in
 *       {@code grand_total} but not in the canonical's {@code line_total} (= row + tax − d).</li>
 *   <li><b>Shipping</b> the same way at its own rate, with a shipping discount that Magento only reports inside the
 *       header {@code discount_amount} (= −(Σ item discounts + shipping discount)).</li>
 *   <li>{@code tax_amount} = Σ item tax + shipping tax; {@code grand_total} = what the buyer pays.</li>
 * </ul>
 * Amounts are half-up to the penny, as Magento's store-currency rounding does.
 */
final class MagentoTotalsModel {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private MagentoTotalsModel() {
    }

    /** One basket item: price (gross or net per the basket), quantity, VAT %, discount % of the row. */
    record Item(BigDecimal price, int qty, int ratePercent, BigDecimal discountPercent) {
    }

    /**
     * A basket.
     *
     * @param pricesIncludeTax catalogue prices include VAT
     * @param perUnitRounding  Magento's "unit price" tax algorithm (else "row total")
     * @param items            items
     * @param shipping         shipping charge (gross or net like the prices), may be 0
     * @param shippingRate     shipping VAT %
     * @param shippingDiscountPercent discount % on shipping
     */
    record Basket(boolean pricesIncludeTax, boolean perUnitRounding, List<Item> items, BigDecimal shipping,
                  int shippingRate, BigDecimal shippingDiscountPercent) {
    }

    static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal pct(BigDecimal amount, BigDecimal percent) {
        return money(amount.multiply(percent).divide(HUNDRED, 10, RoundingMode.HALF_UP));
    }

    /** VAT inside a gross amount. */
    private static BigDecimal taxIn(BigDecimal gross, int rate) {
        return money(gross.multiply(BigDecimal.valueOf(rate)).divide(HUNDRED.add(BigDecimal.valueOf(rate)), 10,
                RoundingMode.HALF_UP));
    }

    /** The canonical invoice Magento would send for this basket. */
    static CanonicalInvoice invoice(Basket b) {
        List<CanonicalInvoiceLine> lines = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal discounts = BigDecimal.ZERO;
        BigDecimal grand = BigDecimal.ZERO;
        int n = 0;
        for (Item i : b.items()) {
            BigDecimal qty = BigDecimal.valueOf(i.qty());
            BigDecimal rate = BigDecimal.valueOf(i.ratePercent());
            BigDecimal gross = i.price().multiply(qty);
            BigDecimal row;
            BigDecimal unit;
            BigDecimal lineTax;
            BigDecimal d = pct(gross, i.discountPercent());
            if (b.pricesIncludeTax()) {
                BigDecimal fullTax = b.perUnitRounding() ? taxIn(i.price(), i.ratePercent()).multiply(qty)
                        : taxIn(gross, i.ratePercent());
                row = gross.subtract(fullTax);
                unit = b.perUnitRounding() ? i.price().subtract(taxIn(i.price(), i.ratePercent()))
                        : money(row.divide(qty, 10, RoundingMode.HALF_UP));
                BigDecimal after = gross.subtract(d);
                lineTax = b.perUnitRounding()
                        ? taxIn(after.divide(qty, 10, RoundingMode.HALF_UP), i.ratePercent()).multiply(qty)
                        : taxIn(after, i.ratePercent());
                grand = grand.add(after);
            } else {
                row = gross;
                unit = i.price();
                BigDecimal after = row.subtract(d);
                lineTax = b.perUnitRounding()
                        ? pct(after.divide(qty, 10, RoundingMode.HALF_UP), rate).multiply(qty)
                        : pct(after, rate);
                grand = grand.add(after).add(lineTax);
            }
            BigDecimal ratio = lineTax.signum() > 0 && row.signum() > 0
                    ? lineTax.divide(row, 4, RoundingMode.HALF_UP) : null;
            lines.add(new CanonicalInvoiceLine("SKU-" + n, "Item " + n, qty, unit, row, lineTax,
                    row.add(lineTax).subtract(d), ratio, "simple"));
            n++;
            subtotal = subtotal.add(row);
            tax = tax.add(lineTax);
            discounts = discounts.add(d);
        }
        BigDecimal shippingNet = BigDecimal.ZERO;
        BigDecimal shippingTax = BigDecimal.ZERO;
        BigDecimal sd = pct(b.shipping(), b.shippingDiscountPercent());
        if (b.shipping().signum() > 0) {
            if (b.pricesIncludeTax()) {
                shippingNet = b.shipping().subtract(taxIn(b.shipping(), b.shippingRate()));
                shippingTax = taxIn(b.shipping().subtract(sd), b.shippingRate());
                grand = grand.add(b.shipping()).subtract(sd);
            } else {
                shippingNet = b.shipping();
                shippingTax = pct(b.shipping().subtract(sd), BigDecimal.valueOf(b.shippingRate()));
                grand = grand.add(b.shipping()).subtract(sd).add(shippingTax);
            }
            discounts = discounts.add(sd);
        }
        tax = tax.add(shippingTax);
        CanonicalAddress london = new CanonicalAddress("billing", List.of("1 High St"), "London", null, "SW1A 1AA",
                "GB", null);
        CanonicalContact buyer = new CanonicalContact(5, "jane@example.com", "Jane", "Smith", null, null, 1, null,
                List.of(london), null, null);
        return new CanonicalInvoice(1, "000000001", null, null, 1, 1, "GBP", InvoiceState.PAID, buyer, lines,
                subtotal, tax, shippingNet, shippingTax, discounts.negate(), grand,
                Instant.parse("2026-04-30T10:00:00Z"), null, null, london, london, BigDecimal.ONE);
    }
}
