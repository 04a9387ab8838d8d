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

/**
 * Products, services, stock items and stock movements, and contact updates (issue 14 "What must be shown"): creates
 * and updates validated against the Swagger, item codes unique, stock changed only by movements and never below zero,
 * invoice lines naming only items that exist.
 */
class SageSimulatorCatalogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private SageSimulator sage;
    private String token;

    private record Resp(int status, JsonNode body) {
    }

    @BeforeEach
    void start() {
        sage = SageSimulator.builder().clock(new AdjustableClock(Instant.parse("2026-05-03T10:00:00Z"))).seed(14)
                .start();
        token = sage.issueTokens().accessToken();
    }

    @AfterEach
    void stop() {
        sage.close();
    }

    @Test
    void products_areCreatedWithTheirPriceBand_updatedByPut_andListedWithStockItems() throws Exception {
        String priceType = get("/product_sales_price_types").path("$items").get(0).path("id").asText();
        Resp created = send("POST", "/products", item("product", "24-MB01", priceType, "34.00"));
        String id = created.body().path("id").asText();
        ObjectNode rename = JSON.createObjectNode();
        rename.putObject("product").put("description", "Joust Duffle Bag (new)");
        Resp updated = send("PUT", "/products/" + id, rename);
        send("POST", "/stock_items", item("stock_item", "24-MB02", priceType, "10.00"));

        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        assertThat(created.body().path("sales_prices").get(0).path("price").decimalValue()).isEqualByComparingTo("34");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(get("/products/" + id).path("description").asText()).isEqualTo("Joust Duffle Bag (new)");
        assertThat(get("/products/" + id).path("sales_prices").get(0).path("price").decimalValue())
                .as("an update changes only what it sends").isEqualByComparingTo("34");
        assertThat(get("/products?search=24-MB").path("$total").asInt()).as("stock items are products too")
                .isEqualTo(2);
        assertThat(sage.catalog("products")).hasSize(2);
        assertThat(sage.validationFailures()).isEmpty();
    }

    @Test
    void itemCodes_areUnique_stockItemCodesShort_andUnknownFieldsRefused() throws Exception {
        send("POST", "/products", item("product", "24-MB01", null, null));

        Resp duplicate = send("POST", "/services", item("service", "24-MB01", null, null));
        Resp longCode = send("POST", "/stock_items", item("stock_item", "X".repeat(31), null, null));
        ObjectNode misspelt = item("product", "24-MB03", null, null);
        ((ObjectNode) misspelt.get("product")).put("sale_price", "3.00");
        Resp unknownField = send("POST", "/products", misspelt);
        ObjectNode noPurchase = item("product", "24-MB04", null, null);
        ((ObjectNode) noPurchase.get("product")).remove("purchase_ledger_account_id");
        Resp missingPurchase = send("POST", "/products", noPurchase);

        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.body().get(0).path("$message").asText()).contains("taken");
        assertThat(longCode.status()).isEqualTo(422);
        assertThat(unknownField.status()).isEqualTo(422);
        assertThat(missingPurchase.status()).isEqualTo(422);
    }

    @Test
    void stockMovements_aloneChangeTheQuantity_andNeverBelowZero() throws Exception {
        String id = send("POST", "/stock_items", item("stock_item", "24-MB01", null, null)).body().path("id").asText();

        Resp in = send("POST", "/stock_movements", movement(id, "10"));
        Resp out = send("POST", "/stock_movements", movement(id, "-4"));
        Resp tooMuch = send("POST", "/stock_movements", movement(id, "-7"));
        ObjectNode put = JSON.createObjectNode();
        put.putObject("stock_item").put("quantity_in_stock", "100");
        Resp sneaky = send("PUT", "/stock_items/" + id, put);

        assertThat(in.status()).as(String.valueOf(in.body())).isEqualTo(201);
        assertThat(out.status()).isEqualTo(201);
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(sneaky.status()).isEqualTo(422);
        assertThat(get("/stock_items/" + id).path("quantity_in_stock").decimalValue()).isEqualByComparingTo("6");
        assertThat(sage.catalog("stock_movements")).hasSize(2);
        assertThat(sage.validationFailures()).as("both 422s are Sage rules; the bodies are schema-valid").isEmpty();
    }

    @Test
    void contacts_areUpdatedByPut_butTheirCurrencyIsFixed() throws Exception {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode c = body.putObject("contact").put("name", "Jane Smith").put("reference", "M5");
        c.putArray("contact_type_ids").add("CUSTOMER");
        c.putObject("main_address").put("address_line_1", "1 High St").put("country_id", "GB");
        String id = send("POST", "/contacts", body).body().path("id").asText();
        ObjectNode update = JSON.createObjectNode();
        ObjectNode u = update.putObject("contact").put("name", "Smith & Sons Ltd");
        u.putObject("main_address").put("address_line_1", "9 New Road").put("city", "Leeds").put("country_id", "GB");
        u.putObject("main_contact_person").put("name", "Jane Smith").put("email", "jane@new.example")
                .put("is_main_contact", true);
        ObjectNode currency = JSON.createObjectNode();
        currency.putObject("contact").put("currency_id", "EUR");

        Resp ok = send("PUT", "/contacts/" + id, update);
        Resp refused = send("PUT", "/contacts/" + id, currency);
        Resp unknown = send("PUT", "/contacts/nope", update);

        assertThat(ok.status()).as(String.valueOf(ok.body())).isEqualTo(200);
        JsonNode stored = get("/contacts/" + id);
        assertThat(stored.path("name").asText()).isEqualTo("Smith & Sons Ltd");
        assertThat(stored.path("reference").asText()).isEqualTo("M5");
        assertThat(stored.path("main_address").path("city").asText()).isEqualTo("Leeds");
        assertThat(stored.path("email").asText()).isEqualTo("jane@new.example");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void invoiceLines_mayOnlyNameItemsThatExist() throws Exception {
        ObjectNode contactBody = JSON.createObjectNode();
        ObjectNode c = contactBody.putObject("contact").put("name", "Jane").put("reference", "M5");
        c.putArray("contact_type_ids").add("CUSTOMER");
        c.putObject("main_address").put("address_line_1", "1 High St").put("country_id", "GB");
        String contact = send("POST", "/contacts", contactBody).body().path("id").asText();
        String service = send("POST", "/services", item("service", "GIFTWRAP", null, null)).body().path("id").asText();

        Resp linked = send("POST", "/sales_invoices", invoice(contact, "service_id", service));
        Resp dangling = send("POST", "/sales_invoices", invoice(contact, "product_id", "no-such-product"));

        assertThat(linked.status()).as(String.valueOf(linked.body())).isEqualTo(201);
        assertThat(linked.body().path("invoice_lines").get(0).path("service_id").asText()).isEqualTo(service);
        assertThat(dangling.status()).isEqualTo(422);
        assertThat(dangling.body().get(0).path("$message").asText()).contains("Product not found");
    }

    private ObjectNode item(String root, String code, String priceType, String price) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode i = body.putObject(root).put("item_code", code).put("description", "Item " + code)
                .put("sales_ledger_account_id", sage.ledgerAccountId("4000"))
                .put("purchase_ledger_account_id", sage.ledgerAccountId("5000"));
        if (price != null) {
            i.putArray("sales_prices").addObject().put("product_sales_price_type_id", priceType).put("price", price)
                    .put("price_includes_tax", false);
        }
        return body;
    }

    private static ObjectNode movement(String stockItemId, String quantity) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("stock_movement").put("stock_item_id", stockItemId).put("date", "2026-05-03")
                .put("quantity", quantity).put("cost_price", "5.00").put("details", "Magento stock");
        return body;
    }

    private ObjectNode invoice(String contact, String field, String itemId) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode doc = body.putObject("sales_invoice").put("contact_id", contact).put("date", "2026-05-03");
        doc.putArray("invoice_lines").addObject().put("description", "Gift wrap")
                .put("ledger_account_id", sage.ledgerAccountId("4000")).put("quantity", "1").put("unit_price", "5.00")
                .put("tax_rate_id", "GB_STANDARD").put("tax_amount", "1.00").put(field, itemId);
        return body;
    }

    private Resp send(String method, String path, JsonNode body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sage.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Resp(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sage.baseUrl() + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
