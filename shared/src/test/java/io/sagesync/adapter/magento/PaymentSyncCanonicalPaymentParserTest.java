package io.sagesync.adapter.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagesync.domain.magento.CanonicalParseException;
import io.sagesync.domain.magento.CanonicalPayment;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link CanonicalJsonParser#parsePayment}: the §d payment shape, tolerantly. */
class PaymentSyncCanonicalPaymentParserTest {
    private final CanonicalJsonParser parser = new CanonicalJsonParser();

    @Test
    void contractExample_parses_andTheKeylessGatewayMetadataIsIgnored() {
        CanonicalPayment p = parser.parsePayment("""
                {"magento_id": 42, "invoice_id": 42, "invoice_increment_id": "000000042",
                 "method": "stripe_payments", "currency": "GBP", "amount": 126.0,
                 "captured_at": "2026-04-30T10:11:12+01:00", "gateway_txn_id": "pi_3Pxyz",
                 "gateway_metadata": ["card", 4242, {"nested": true}, null]}""");

        assertThat(p.invoiceId()).isEqualTo(42);
        assertThat(p.incrementId()).isEqualTo("000000042");
        assertThat(p.method()).isEqualTo("stripe_payments");
        assertThat(p.currency()).isEqualTo("GBP");
        assertThat(p.amount()).isEqualByComparingTo("126");
        assertThat(p.capturedAt()).isEqualTo(Instant.parse("2026-04-30T09:11:12Z"));
    }

    @Test
    void integerAmount_omittedOptionalKeys_andMagentoIdFallback_areAccepted() {
        CanonicalPayment p = parser.parsePayment("""
                {"magento_id": 7, "method": "checkmo", "currency": "EUR", "amount": 10,
                 "captured_at": "2026-04-30T10:11:12Z"}""");

        assertThat(p.invoiceId()).isEqualTo(7);
        assertThat(p.incrementId()).isNull();
        assertThat(p.amount()).isEqualByComparingTo("10");
    }

    @Test
    void missingMethod_orNegativeAmount_isAParseErrorNamingThePath() {
        assertThatThrownBy(() -> parser.parsePayment("""
                {"invoice_id": 7, "currency": "EUR", "amount": 10, "captured_at": "2026-04-30T10:11:12Z"}"""))
                .isInstanceOf(CanonicalParseException.class).hasMessageStartingWith("method");
        assertThatThrownBy(() -> parser.parsePayment("""
                {"invoice_id": 7, "method": "checkmo", "currency": "EUR", "amount": -1,
                 "captured_at": "2026-04-30T10:11:12Z"}"""))
                .isInstanceOf(CanonicalParseException.class).hasMessageStartingWith("amount");
    }
}
