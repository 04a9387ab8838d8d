package io.sagesync.domain.sage;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.domain.magento.CanonicalPayment;
import io.sagesync.domain.policy.SyncPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link PaymentMapper}: bank-account choice and the receipt body, without any port. */
class PaymentSyncMapperTest {
    private static final CanonicalPayment PAYMENT = new CanonicalPayment(42, "000000042", "checkmo", "GBP",
            new BigDecimal("126.0"), Instant.parse("2026-04-30T23:59:59Z"));

    @Test
    void bankAccount_mappedWins_noneMeansNever_unmappedFallsBackToDefault_elseEmpty() {
        SyncPolicy p = policy(Map.of("checkmo", Optional.of("bank-a"), "free", Optional.empty()), "bank-default");

        assertThat(PaymentMapper.bankAccountFor("checkmo", p)).contains("bank-a");
        assertThat(PaymentMapper.bankAccountFor("free", p)).isEmpty();
        assertThat(PaymentMapper.bankAccountFor("paypal_express", p)).contains("bank-default");
        assertThat(PaymentMapper.bankAccountFor("paypal_express", policy(Map.of(), null))).isEmpty();
    }

    @Test
    void baseCurrencyReceipt_omitsCurrencyAndRate_allocatesTheAmount_andUsesTheUtcDate() {
        SageSalesInvoice invoice = new SageSalesInvoice("inv-1", "MAG-000000042", "c-1", "GBP", BigDecimal.ONE,
                new BigDecimal("126.00"), new BigDecimal("126.00"));

        SageContactPaymentRequest r = PaymentMapper.map(PAYMENT, invoice, "bank-a", "GBP", "idem");

        assertThat(r.transactionTypeId()).isEqualTo("CUSTOMER_RECEIPT");
        assertThat(r.contactId()).isEqualTo("c-1");
        assertThat(r.date()).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(r.totalAmount()).isEqualByComparingTo("126.00");
        assertThat(r.currencyId()).isNull();
        assertThat(r.exchangeRate()).isNull();
        assertThat(r.reference()).isEqualTo("MAG-000000042");
        assertThat(r.allocations()).containsExactly(
                new SageContactPaymentRequest.Allocation("inv-1", new BigDecimal("126.00")));
        assertThat(r.idempotencyId()).isEqualTo("idem");
    }

    @Test
    void allocation_isTheSmallerOfAmountAndOutstanding_butANothingOutstandingInvoiceGetsTheFullAmount() {
        SageSalesInvoice partPaid = new SageSalesInvoice("inv-1", null, "c-1", "GBP", null, new BigDecimal("126.00"),
                new BigDecimal("26.00"));
        SageSalesInvoice paid = new SageSalesInvoice("inv-1", null, "c-1", "GBP", null, new BigDecimal("126.00"),
                BigDecimal.ZERO);

        assertThat(PaymentMapper.map(PAYMENT, partPaid, "b", "GBP", null).allocations().get(0).amount())
                .isEqualByComparingTo("26.00");
        // nothing outstanding: our own replay is answered by Sage's idempotency, anyone else's payment by a 422
        assertThat(PaymentMapper.map(PAYMENT, paid, "b", "GBP", null).allocations().get(0).amount())
                .isEqualByComparingTo("126.00");
        assertThat(PaymentMapper.map(PAYMENT, paid, "b", "GBP", null).reference()).isEqualTo("000000042");
    }

    @Test
    void foreignReceipt_carriesTheInvoicesCurrencyAndRate_andALongReferenceIsCutTo25() {
        SageSalesInvoice invoice = new SageSalesInvoice("inv-1", "A-VERY-LONG-PREFIX-000000042", "c-1", "EUR",
                new BigDecimal("0.85"), null, null);

        SageContactPaymentRequest r = PaymentMapper.map(PAYMENT, invoice, "b", "GBP", null);

        assertThat(r.currencyId()).isEqualTo("EUR");
        assertThat(r.exchangeRate()).isEqualByComparingTo("0.85");
        assertThat(r.reference()).hasSize(25);
        assertThat(r.allocations().get(0).amount()).isEqualByComparingTo("126.00");
    }

    private static SyncPolicy policy(Map<String, Optional<String>> map, String defaultBank) {
        SyncPolicy d = SyncPolicy.defaults();
        return new SyncPolicy(d.syncUnpaidInvoices(), d.syncZeroValueInvoices(), d.syncSince(), d.websiteFilter(),
                d.storeFilter(), d.syncProducts(), d.syncStock(), d.defaultTaxRateId(), d.defaultLedgerAccountId(),
                defaultBank, d.defaultPurchaseLedgerAccountId(), map, d.taxRateMap(), d.invoiceNumberPrefix(),
                d.customerNamePriority(), d.defaultEuGoodsServicesType(), d.productTypeEuGoodsMap(),
                d.b2cConsolidation(), d.businessBaseCurrency(), d.businessCountry());
    }
}
