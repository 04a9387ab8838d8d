package io.sagesync.application;

import io.sagesync.domain.magento.CanonicalInvoice;
import io.sagesync.domain.sage.ExchangeRates;
import io.sagesync.domain.sage.PostedInvoice;
import io.sagesync.domain.sage.SageSalesInvoice;
import io.sagesync.port.SageGateway;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * After posting, Sage's own figures are the proof: {@code total_amount} must equal Magento's {@code grand_total},
 * and for a foreign-currency invoice {@code base_currency_total_amount} must equal {@code grand_total ÷
 * base_to_order_rate} (which also settles the exchange-rate direction on the real Sage, see {@link ExchangeRates}),
 * each within a penny. The figures come from Sage's answer to the POST (the stored document); when Sage left one
 * out, the invoice is read back with {@code GET /sales_invoices/{id}}.
 */
final class InvoiceReconciliation {
    private static final BigDecimal PENNY = new BigDecimal("0.01");

    private InvoiceReconciliation() {
    }

    /**
     * What Sage holds and whether it agrees.
     *
     * @param sageTotal Sage's {@code total_amount} (from the POST's answer or the read-back), null if Sage gave none
     * @param mismatch  empty when Sage agrees; else what disagrees, e.g. {@code total_amount 10.60 != grand_total
     *                  10.80}
     */
    record Result(BigDecimal sageTotal, Optional<String> mismatch) {
    }

    static Result check(CanonicalInvoice invoice, PostedInvoice posted, String baseCurrency, SageGateway sage) {
        BigDecimal[] sageTotal = new BigDecimal[1];
        Optional<String> mismatch = compare(invoice, posted, baseCurrency, sage, sageTotal);
        return new Result(sageTotal[0], mismatch);
    }

    private static Optional<String> compare(CanonicalInvoice invoice, PostedInvoice posted, String baseCurrency,
                                            SageGateway sage, BigDecimal[] sageTotal) {
        boolean foreign = !baseCurrency.equalsIgnoreCase(invoice.currency());
        Optional<BigDecimal> expectedBase = foreign
                ? ExchangeRates.expectedBaseTotal(invoice.grandTotal(), invoice.baseToOrderRate()) : Optional.empty();
        BigDecimal total = posted.totalAmount();
        BigDecimal base = posted.baseCurrencyTotalAmount();
        if (total == null || expectedBase.isPresent() && base == null) {
            SageSalesInvoice readBack = sage.findSalesInvoice(posted.id());
            total = readBack.totalAmount();
            base = readBack.baseCurrencyTotalAmount();
        }
        sageTotal[0] = total;
        BigDecimal grand = invoice.grandTotal().setScale(2, RoundingMode.HALF_UP);
        if (total == null) {
            return Optional.of("total_amount missing != grand_total " + grand.toPlainString());
        }
        if (total.subtract(grand).abs().compareTo(PENNY) > 0) {
            return Optional.of("total_amount " + total.toPlainString() + " != grand_total " + grand.toPlainString());
        }
        if (expectedBase.isPresent()) {
            if (base == null) {
                return Optional.of("base_currency_total_amount missing != " + expectedBase.get().toPlainString());
            }
            if (base.subtract(expectedBase.get()).abs().compareTo(PENNY) > 0) {
                return Optional.of("base_currency_total_amount " + base.toPlainString()
                        + " != grand_total/base_to_order_rate " + expectedBase.get().toPlainString());
            }
        }
        return Optional.empty();
    }
}
