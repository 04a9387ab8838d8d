package io.sagesync.simulator.sage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The accounting rules the simulator enforces the way Sage does (issue 10 "What must be shown"). */
class SageSimulatorAccountingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private SageSimulator sage;
    private String token;

    @BeforeEach
    void start() {
        sage = SageSimulator.builder().clock(new AdjustableClock(Instant.parse("2026-04-30T10:00:00Z"))).seed(3)
                .start();
        token = sage.issueTokens().accessToken();
    }

    @AfterEach
    void stop() {
        sage.close();
    }

    private record Resp(int status, JsonNode body) {
    }

    private Resp call(String business, String path, JsonNode body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sage.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("X-Business", business);
        HttpRequest request = body == null ? b.GET().build() : b.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Resp(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
    }

    private String contact(String business, String reference, String currency, String country) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode c = body.putObject("contact").put("name", "Jane " + reference).put("reference", reference);
        c.putArray("contact_type_ids").add("CUSTOMER");
        if (currency != null) {
            c.put("currency_id", currency);
        }
        c.putObject("main_address").put("address_line_1", "1 High St").put("country_id", country);
        Resp r = call(business, "/contacts", body);
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        return r.body().get("id").asText();
    }

    private ObjectNode invoice(String contactId, String qty, String unit, String rateId, String tax) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode inv = body.putObject("sales_invoice").put("contact_id", contactId).put("date", "2026-04-30");
        inv.putArray("invoice_lines").addObject().put("description", "Item")
                .put("ledger_account_id", sage.ledgerAccountId("4000")).put("quantity", qty).put("unit_price", unit)
                .put("tax_rate_id", rateId).put("tax_amount", tax);
        return body;
    }

    private static ObjectNode inv(ObjectNode body) {
        return (ObjectNode) body.get("sales_invoice");
    }

    private static String source(Resp r) {
        return r.body().get(0).get("$source").asText();
    }

    @Test
    void lineVat_withinPerUnitRounding_isAccepted_beyondIt_isRefused() throws Exception {
        String lead = SageSimulator.LEAD_BUSINESS_ID;
        String c = contact(lead, "M1", null, "GB");
        // 10 x £2.99 incl. 5 % rounded per unit: 10 x 2.85 net, 1.40 VAT (5 % of 28.50 is 1.425)
        assertThat(call(lead, "/sales_invoices", invoice(c, "10", "2.85", "GB_LOWER", "1.40")).status())
                .isEqualTo(201);
        Resp off = call(lead, "/sales_invoices", invoice(c, "1", "100.00", "GB_STANDARD", "18.00"));
        assertThat(off.status()).isEqualTo(422);
        assertThat(source(off)).isEqualTo("line_items.tax_amount");
        Resp zero = call(lead, "/sales_invoices", invoice(c, "1", "10.00", "GB_ZERO", "2.00"));
        assertThat(zero.status()).isEqualTo(422);
        assertThat(sage.invoices()).hasSize(1);
    }

    @Test
    void shippingPanelVat_isRecomputedFromNetTimesRate() throws Exception {
        String c = contact(SageSimulator.LEAD_BUSINESS_ID, "M2", null, "GB");
        ObjectNode body = invoice(c, "1", "10.00", "GB_STANDARD", "2.00");
        inv(body).put("shipping_net_amount", "3.32").put("shipping_tax_rate_id", "GB_STANDARD")
                .put("shipping_tax_amount", "0.67");
        Resp r = call(SageSimulator.LEAD_BUSINESS_ID, "/sales_invoices", body);
        assertThat(r.body().get("shipping_tax_amount").decimalValue()).isEqualByComparingTo("0.66");
        assertThat(r.body().get("total_amount").decimalValue()).isEqualByComparingTo("15.98");
    }

    @Test
    void addressFieldsOverSwaggerLimits_areRefused() throws Exception {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode c = body.putObject("contact").put("name", "Long").put("reference", "M3");
        c.putArray("contact_type_ids").add("CUSTOMER");
        c.putObject("main_address").put("address_line_1", "x".repeat(51)).put("country_id", "GB");
        assertThat(call(SageSimulator.LEAD_BUSINESS_ID, "/contacts", body).status()).isEqualTo(422);
        c.putObject("main_address").put("postal_code", "12345678901").put("country_id", "GB");
        assertThat(call(SageSimulator.LEAD_BUSINESS_ID, "/contacts", body).status()).isEqualTo(422);
        String ok = contact(SageSimulator.LEAD_BUSINESS_ID, "M4", null, "GB");
        ObjectNode invoice = invoice(ok, "1", "10.00", "GB_STANDARD", "2.00");
        inv(invoice).putObject("delivery_address").put("city", "c".repeat(51)).put("country_id", "GB");
        assertThat(call(SageSimulator.LEAD_BUSINESS_ID, "/sales_invoices", invoice).status()).isEqualTo(422);
    }

    @Test
    void placeOfSupply_isTheDeliveryCountry() throws Exception {
        String lead = SageSimulator.LEAD_BUSINESS_ID;
        String french = contact(lead, "M5", null, "FR");
        ObjectNode deliveredToLondon = invoice(french, "1", "100.00", "GB_STANDARD", "20.00");
        inv(deliveredToLondon).putObject("main_address").put("address_line_1", "1 Rue").put("country_id", "FR");
        inv(deliveredToLondon).putObject("delivery_address").put("address_line_1", "1 St").put("country_id", "GB");
        assertThat(call(lead, "/sales_invoices", deliveredToLondon).status()).isEqualTo(201);
        String british = contact(lead, "M6", null, "GB");
        ObjectNode deliveredToParis = invoice(british, "1", "100.00", "GB_STANDARD", "20.00");
        inv(deliveredToParis).putObject("delivery_address").put("address_line_1", "1 Rue").put("country_id", "FR");
        Resp refused = call(lead, "/sales_invoices", deliveredToParis);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(source(refused)).isEqualTo("line_items.tax_rate_id");
    }

    @Test
    void destinationVat_determinesTheBuyersCountrysRates_andOnlyThoseGoOnADestinationConsignment() throws Exception {
        String lead = SageSimulator.LEAD_BUSINESS_ID;
        String french = contact(lead, "M5", null, "FR");
        String query = "/tax_determinations?usage=sales&include_destination_vat=true&contact_id=" + french;
        assertThat(call(lead, query, null).body().path("$items").findValuesAsText("id"))
                .as("destination VAT off: the business's own rates").contains("GB_STANDARD")
                .noneMatch(id -> id.startsWith("FR_"));
        ObjectNode consignment = invoice(french, "2", "10.00", "FR_DEST_REDUCED", "1.10");
        inv(consignment).put("destination_consignment", true);
        assertThat(source(call(lead, "/sales_invoices", consignment))).as("refused while off")
                .isEqualTo("destination_consignment");

        sage.destinationVat(lead, true);

        assertThat(call(lead, query, null).body().path("$items").findValuesAsText("id"))
                .containsExactly("FR_DEST_STANDARD", "FR_DEST_INTERMEDIATE", "FR_DEST_REDUCED",
                        "FR_DEST_SUPER_REDUCED", "FR_DEST_ZERO");
        assertThat(call(lead, "/tax_rates?include_destination_vat_rates=true", null).body().path("$items")
                .findValuesAsText("id")).contains("GB_STANDARD", "DE_DEST_STANDARD", "FR_DEST_REDUCED");
        Resp posted = call(lead, "/sales_invoices", consignment);
        assertThat(posted.status()).as(String.valueOf(posted.body())).isEqualTo(201);
        assertThat(posted.body().path("total_amount").decimalValue()).isEqualByComparingTo("21.10");
        ObjectNode homeRate = invoice(french, "1", "100.00", "GB_STANDARD", "20.00");
        inv(homeRate).put("destination_consignment", true);
        assertThat(source(call(lead, "/sales_invoices", homeRate))).as("a home rate on a consignment")
                .isEqualTo("line_items.tax_rate_id");
        ObjectNode wrongVat = invoice(french, "1", "100.00", "FR_DEST_STANDARD", "19.00");
        inv(wrongVat).put("destination_consignment", true);
        assertThat(source(call(lead, "/sales_invoices", wrongVat))).isEqualTo("line_items.tax_amount");
    }

    @Test
    void irishBusiness_hasEuroBase_irishRates_andIrishCountry() throws Exception {
        String ie = SageSimulator.IRISH_BUSINESS_ID;
        JsonNode settings = call(ie, "/financial_settings", null).body();
        assertThat(settings.path("base_currency").path("id").asText()).isEqualTo("EUR");
        JsonNode rates = call(ie, "/tax_rates?attributes=percentage", null).body().get("$items");
        assertThat(rates).extracting(r -> r.get("id").asText()).contains("IE_STANDARD", "IE_ZERO")
                .noneMatch(id -> id.startsWith("GB_"));
        assertThat(call(ie, "/businesses/" + ie, null).body().path("country").path("id").asText()).isEqualTo("IE");
        String c = contact(ie, "M1", null, "IE");
        Resp posted = call(ie, "/sales_invoices", invoice(c, "1", "100.00", "IE_STANDARD", "23.00"));
        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.body().get("total_amount").decimalValue()).isEqualByComparingTo("123.00");
        assertThat(call(ie, "/sales_invoices", invoice(c, "1", "100.00", "GB_STANDARD", "20.00")).status())
                .isEqualTo(422);
        assertThat(sage.invoices(ie)).hasSize(1);
        assertThat(sage.invoices()).isEmpty();
    }

    @Test
    void exchangeRate_isBasePerDocumentUnit_inOnePlace() throws Exception {
        String c = contact(SageSimulator.LEAD_BUSINESS_ID, "M7E", "EUR", "GB");
        ObjectNode body = invoice(c, "1", "97.50", "GB_STANDARD", "19.50");
        inv(body).put("currency_id", "EUR").put("exchange_rate", "0.8547008547");
        Resp r = call(SageSimulator.LEAD_BUSINESS_ID, "/sales_invoices", body);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().get("total_amount").decimalValue()).isEqualByComparingTo("117.00");
        assertThat(r.body().get("base_currency_total_amount").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(r.body().get("inverse_exchange_rate").decimalValue()).isEqualByComparingTo("1.17");
        assertThat(SageExchange.toBase(new java.math.BigDecimal("117.00"), new java.math.BigDecimal("0.8547008547")))
                .isEqualByComparingTo("100.00");
    }
}
