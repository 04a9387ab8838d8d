package io.sagesync.domain.sage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * A mapped sales invoice plus what the mapper noticed.
 *
 * @param request            the body to POST
 * @param warnings           non-fatal observations, in the order they were found (no duplicates)
 * @param shippingTaxPercent nullable; the percentage behind {@code shipping_tax_rate_id} when it is known (mapped or
 *                           zero-rated), used to predict Sage's shipping-tax recomputation
 */
public record InvoiceMappingResult(SageSalesInvoiceRequest request, List<MappingWarning> warnings,
                                   BigDecimal shippingTaxPercent) {
    public InvoiceMappingResult {
        Objects.requireNonNull(request, "request");
        warnings = List.copyOf(warnings);
    }

    /**
     * The invoice total Sage will derive: Σ lines (qty × unit − discount, 2 dp, + tax_amount) + shipping net +
     * shipping tax as Sage recomputes it ({@code round(net × rate / 100, 2)}; the sent amount when the rate's
     * percentage is unknown, i.e. the default rate).
     */
    public BigDecimal sageDerivedTotal() {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (SageInvoiceLine line : request.invoiceLines()) {
            total = total.add(line.netAmount()).add(line.taxAmount());
        }
        BigDecimal shippingNet = request.shippingNetAmount();
        if (shippingNet != null) {
            total = total.add(shippingNet);
            if (shippingTaxPercent != null) {
                total = total.add(shippingNet.multiply(shippingTaxPercent)
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
            } else if (request.shippingTaxAmount() != null) {
                total = total.add(request.shippingTaxAmount());
            }
        }
        return total.setScale(2, RoundingMode.HALF_UP);
    }

    /** True when Sage's derived total equals {@code grandTotal} to the penny. */
    public boolean matchesToThePenny(BigDecimal grandTotal) {
        return sageDerivedTotal().compareTo(grandTotal.setScale(2, RoundingMode.HALF_UP)) == 0;
    }

    public List<String> warningCodes() {
        return warnings.stream().map(MappingWarning::code).toList();
    }
}
