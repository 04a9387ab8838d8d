package io.sagesync.adapter.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.magento.CanonicalInvoice;
import io.sagesync.domain.magento.CanonicalParseException;
import io.sagesync.domain.magento.InvoiceState;
import org.junit.jupiter.api.Test;

class CanonicalJsonParserTest {
    private final CanonicalJsonParser parser = new CanonicalJsonParser();

    private static String body(String lineExtra, String headerExtra) {
        return """
                {"magento_id": 42, "increment_id": "000000042", "website_id": 1, "store_id": 1, "currency": "GBP",
                 "customer": {"magento_id": 0, "email": "a\\/b@example.com", "website_id": 0},
                 "lines": [{"sku": "S", "name": "Caf\\u00e9", "qty": 2, "unit_price": 0.1, "line_subtotal": "0.20",
                            "line_tax": 0.04, "line_total": 0.24 %s}],
                 "grand_total": 0.24, "created_at": "2026-04-30T10:11:12Z" %s}
                """.formatted(lineExtra, headerExtra);
    }

    @Test
    void parse_acceptsIntegerDecimalAndStringNumbers_asExactBigDecimals() {
        CanonicalInvoice inv = parser.parseInvoice(body("", ""));
        assertThat(inv.lines().get(0).unitPrice()).isEqualByComparingTo("0.1");
        assertThat(inv.lines().get(0).unitPrice().toPlainString()).isEqualTo("0.1"); // not 0.1000000000000000055…
        assertThat(inv.lines().get(0).qty()).isEqualByComparingTo("2");
        assertThat(inv.lines().get(0).lineSubtotal()).isEqualByComparingTo("0.20");
    }

    @Test
    void parse_refusesNumbersNoMagentoAmountCanBe_asSerdeErrors() {
        for (String huge : new String[] {"1e999999999", "\"1e999999999\"", "1e-999999999", "\"-1E+400\"",
                "12345678901234567", "0.0000000000001"}) {
            String json = body("", "").replace("\"grand_total\": 0.24", "\"grand_total\": " + huge);
            assertThatThrownBy(() -> parser.parseInvoice(json)).as(huge)
                    .isInstanceOfSatisfying(CanonicalParseException.class,
                            e -> assertThat(e.getMessage()).contains("grand_total"));
        }
        String fine = body("", "").replace("\"grand_total\": 0.24", "\"grand_total\": \"9999999999999999.9999\"");
        assertThat(parser.parseInvoice(fine).grandTotal()).isEqualByComparingTo("9999999999999999.9999");
    }

    @Test
    void parse_decodesJsonEscapes() {
        CanonicalInvoice inv = parser.parseInvoice(body("", ""));
        assertThat(inv.customer().email()).isEqualTo("a/b@example.com");
        assertThat(inv.lines().get(0).name()).isEqualTo("Café");
    }

    @Test
    void parse_omittedNullableKeys_becomeNullOrZero_andStateDefaultsToOpen() {
        CanonicalInvoice inv = parser.parseInvoice(body("", ""));
        assertThat(inv.state()).isEqualTo(InvoiceState.OPEN);
        assertThat(inv.billingAddress()).isNull();
        assertThat(inv.baseToOrderRate()).isNull();
        assertThat(inv.discountAmount()).isZero();
        assertThat(inv.lines().get(0).taxRate()).isNull();
        assertThat(inv.customer().isGuest()).isTrue();
    }

    @Test
    void parse_ignoresUnknownKeys_andKeepsNegativeHeaderDiscount_andDerivedTaxRate() {
        CanonicalInvoice inv = parser.parseInvoice(body(", \"tax_rate\": 0.2, \"weird\": {}",
                ", \"discount_amount\": -10.0, \"extension_attributes\": [1], \"state\": \"paid\""));
        assertThat(inv.discountAmount()).isEqualByComparingTo("-10");
        assertThat(inv.lines().get(0).taxRate()).isEqualByComparingTo("0.2");
        assertThat(inv.state()).isEqualTo(InvoiceState.PAID);
    }

    @Test
    void parse_missingRequiredField_isSerdeErrorNamingThePath() {
        String noQty = body("", "").replace("\"qty\": 2,", "");
        assertThatThrownBy(() -> parser.parseInvoice(noQty)).isInstanceOfSatisfying(CanonicalParseException.class,
                e -> {
                    assertThat(e.path()).isEqualTo("lines[0].qty");
                    assertThat(e.errorClass()).isEqualTo(ErrorClass.SERDE);
                });
    }

    @Test
    void parse_malformedValuesAndJson_areSerdeErrors() {
        assertThatThrownBy(() -> parser.parseInvoice(body("", "").replace("\"qty\": 2", "\"qty\": \"two\"")))
                .isInstanceOf(CanonicalParseException.class).hasMessageContaining("lines[0].qty");
        assertThatThrownBy(() -> parser.parseInvoice(body("", "").replace("2026-04-30T10:11:12Z", "yesterday")))
                .isInstanceOf(CanonicalParseException.class).hasMessageContaining("created_at");
        assertThatThrownBy(() -> parser.parseInvoice("{\"magento_id\": "))
                .isInstanceOf(CanonicalParseException.class);
        assertThatThrownBy(() -> parser.parseInvoice("[1,2]")).isInstanceOf(CanonicalParseException.class);
    }

    @Test
    void parseCreditMemo_readsAdjustmentsAndOptionalInvoiceLink() {
        var memo = parser.parseCreditMemo("""
                {"magento_id": 17, "increment_id": "17", "website_id": 1, "currency": "GBP",
                 "customer": {"magento_id": 5, "email": "j@x.io", "website_id": 1}, "lines": [],
                 "adjustment_positive": 1.5, "grand_total": 18.0, "created_at": "2026-05-03T08:00:00Z"}
                """);
        assertThat(memo.invoiceId()).isNull();
        assertThat(memo.adjustmentPositive()).isEqualByComparingTo("1.5");
        assertThat(memo.adjustmentNegative()).isZero();
    }
}
