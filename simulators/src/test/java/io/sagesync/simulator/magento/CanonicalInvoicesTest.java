package io.sagesync.simulator.magento;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalInvoicesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The §d example of the wire contract, copied from the document. */
    private static final String CONTRACT_EXAMPLE = """
            {
              "magento_id": 42, "increment_id": "000000042", "order_id": 57, "order_increment_id": "000000057",
              "website_id": 1, "store_id": 1, "currency": "GBP", "state": "paid",
              "customer": {
                "magento_id": 5, "email": "jane@example.co.uk", "first_name": "Jane", "last_name": "Smith",
                "phone": "+44 20 7946 0000", "website_id": 1, "group_id": 1,
                "addresses": [
                  { "kind": "billing",  "street": ["1 High Street", "Flat 2"], "city": "London", "region": "Greater London", "postcode": "SW1A 1AA", "country_id": "GB", "telephone": "+44 20 7946 0000" },
                  { "kind": "shipping", "street": ["1 High Street", "Flat 2"], "city": "London", "region": "Greater London", "postcode": "SW1A 1AA", "country_id": "GB", "telephone": "+44 20 7946 0000" }
                ],
                "created_at": "2026-01-10T09:00:00Z", "updated_at": "2026-04-28T16:20:00Z"
              },
              "lines": [
                { "sku": "MJ01-M-Red", "name": "Beaumont Summit Kit", "qty": 2.0, "unit_price": 50.0, "line_subtotal": 100.0, "line_tax": 18.0, "line_total": 108.0, "tax_rate": 0.18, "product_type": "configurable" },
                { "sku": "MJ01-M-Red", "name": "Beaumont Summit Kit-M-Red", "qty": 2.0, "unit_price": 0.0, "line_subtotal": 0.0, "line_tax": 0.0, "line_total": 0.0, "product_type": "simple" },
                { "sku": "GIFTWRAP", "name": "Gift wrap", "qty": 1.0, "unit_price": 5.0, "line_subtotal": 5.0, "line_tax": 1.0, "line_total": 6.0, "tax_rate": 0.2, "product_type": "virtual" }
              ],
              "subtotal": 105.0, "tax_amount": 21.0, "shipping_amount": 10.0, "shipping_tax_amount": 2.0,
              "discount_amount": -10.0, "grand_total": 126.0, "created_at": "2026-04-30T10:11:12Z",
              "payment_method": "stripe_payments",
              "billing_address":  { "kind": "billing",  "street": ["1 High Street", "Flat 2"], "city": "London", "region": "Greater London", "postcode": "SW1A 1AA", "country_id": "GB", "telephone": "+44 20 7946 0000" },
              "shipping_address": { "kind": "shipping", "street": ["1 High Street", "Flat 2"], "city": "London", "region": "Greater London", "postcode": "SW1A 1AA", "country_id": "GB", "telephone": "+44 20 7946 0000" },
              "base_to_order_rate": 1.0
            }
            """;

    @Test
    void gbpRegistered_equalsContractExample_withSameKeyOrderAndPhpFloats() throws Exception {
        String json = CanonicalInvoices.gbpRegistered(42);
        JsonNode expected = JSON.readTree(CONTRACT_EXAMPLE);

        assertThat(JSON.readTree(json)).isEqualTo(expected);
        assertThat(fieldNames(JSON.readTree(json))).isEqualTo(fieldNames(expected));
        assertThat(json).contains("\"line_subtotal\":100.0,").contains("\"tax_rate\":0.18,")
                .contains("\"grand_total\":126.0,").contains("\"base_to_order_rate\":1.0}");
    }

    @Test
    void eurGuest_hasSyntheticContact_rateAndNoTaxRateOnUntaxedLines() throws Exception {
        JsonNode invoice = JSON.readTree(CanonicalInvoices.eurGuest(43));

        assertThat(invoice.get("currency").asText()).isEqualTo("EUR");
        assertThat(invoice.get("base_to_order_rate").decimalValue()).isEqualByComparingTo("1.17");
        assertThat(invoice.at("/customer/magento_id").asLong()).isZero();
        assertThat(invoice.at("/customer/website_id").asLong()).isZero();
        assertThat(invoice.get("customer").has("group_id")).isFalse();
        assertThat(invoice.get("lines")).allSatisfy(line -> assertThat(line.has("tax_rate")).isFalse());
        assertThat(invoice.at("/billing_address").has("region")).isFalse();
        // totals still add up: subtotal + tax + shipping + discount
        assertThat(invoice.get("grand_total").decimalValue()).isEqualByComparingTo("67.86");
    }

    @Test
    void builder_omitsNullableKeys_andDerivesTotals() throws Exception {
        String json = CanonicalInvoices.builder(7)
                .lines(List.of(CanonicalInvoices.line("SKU", "Widget", "3", "10", "6", "0", "simple")))
                .shipping("0", "0").discount("0").paymentMethod(null).shippingAddress(null)
                .baseToOrderRate(null).poNumber("PO-1/2").build();
        JsonNode invoice = JSON.readTree(json);

        assertThat(invoice.has("payment_method")).isFalse();
        assertThat(invoice.has("shipping_address")).isFalse();
        assertThat(invoice.has("base_to_order_rate")).isFalse();
        assertThat(invoice.get("po_number").asText()).isEqualTo("PO-1/2");
        assertThat(json).contains("\"po_number\":\"PO-1\\/2\"");
        assertThat(json).contains("\"subtotal\":30.0,\"tax_amount\":6.0,");
        assertThat(invoice.at("/lines/0/tax_rate").decimalValue()).isEqualByComparingTo("0.2");
        assertThat(invoice.get("grand_total").decimalValue()).isEqualByComparingTo("36");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
