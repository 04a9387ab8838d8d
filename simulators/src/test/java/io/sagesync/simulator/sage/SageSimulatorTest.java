package io.sagesync.simulator.sage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class SageSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2024-06-24T10:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private SageSimulator sage;
    private String accessToken;

    @BeforeEach
    void start() {
        sage = SageSimulator.builder().clock(clock).seed(7).start();
        accessToken = sage.issueTokens().accessToken();
    }

    @AfterEach
    void stop() {
        sage.close();
    }

    // ------------------------------------------------------------ helpers

    private record Resp(int status, JsonNode body, HttpResponse<String> raw) {
    }

    private Resp get(String pathAndQuery) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(sage.baseUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + accessToken).GET().build());
    }

    private Resp post(String path, JsonNode body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(sage.baseUrl() + path))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    private Resp form(String url, String... keyValues) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            sb.append(i == 0 ? "" : "&").append(keyValues[i]).append('=')
                    .append(URLEncoder.encode(keyValues[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(sb.toString())).build());
    }

    private Resp send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
        return new Resp(response.statusCode(), body, response);
    }

    private static ObjectNode contactBody(String name, String reference, String currency, String country) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode contact = body.putObject("contact").put("name", name).put("reference", reference);
        contact.putArray("contact_type_ids").add("CUSTOMER");
        if (currency != null) {
            contact.put("currency_id", currency);
        }
        contact.putObject("main_address").put("address_line_1", "1 High St").put("country_id", country);
        contact.putObject("main_contact_person").put("name", name).put("email", reference.toLowerCase() + "@x.test");
        return body;
    }

    private String createContact(String name, String reference, String currency, String country) throws Exception {
        Resp resp = post("/contacts", contactBody(name, reference, currency, country));
        assertThat(resp.status()).as(String.valueOf(resp.body())).isEqualTo(201);
        return resp.body().get("id").asText();
    }

    private ObjectNode invoiceBody(String contactId, String reference) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode invoice = body.putObject("sales_invoice").put("contact_id", contactId)
                .put("date", "2024-06-24").put("reference", reference);
        invoice.putArray("invoice_lines").addObject()
                .put("description", "Widget").put("ledger_account_id", sage.ledgerAccountId("4000"))
                .put("quantity", "2").put("unit_price", "55.00").put("discount_amount", "10.00")
                .put("tax_rate_id", "GB_STANDARD").put("tax_amount", "20.00");
        return body;
    }

    /** Moves time on; the old access token (300 s) is then expired, so take a fresh one. */
    private void advanceAndReauthorize(Duration duration) {
        clock.advance(duration);
        accessToken = sage.issueTokens().accessToken();
    }

    private static ObjectNode invoiceOf(ObjectNode body) {
        return (ObjectNode) body.get("sales_invoice");
    }

    private static ObjectNode line(ObjectNode body, int index) {
        return (ObjectNode) invoiceOf(body).get("invoice_lines").get(index);
    }

    // ------------------------------------------------------------ auth & headers

    @Test
    void apiCall_without_or_with_expired_token_gets401_withSageErrorArray() throws Exception {
        Resp none = send(HttpRequest.newBuilder(URI.create(sage.baseUrl() + "/tax_rates")).GET().build());
        clock.advance(Duration.ofSeconds(301));
        Resp expired = get("/tax_rates");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().get(0).get("$dataCode").asText()).isEqualTo("AuthorizationFailure");
        assertThat(none.body().get(0).get("$severity").asText()).isEqualTo("error");
        assertThat(none.body().get(0).has("$source")).isTrue();
        assertThat(expired.status()).isEqualTo(401);
    }

    @Test
    void responses_echoXBusiness_leadByDefault_andCarryRequestId() throws Exception {
        Resp lead = get("/financial_settings");
        Resp second = send(HttpRequest.newBuilder(URI.create(sage.baseUrl() + "/tax_rates"))
                .header("Authorization", "Bearer " + accessToken)
                .header("X-Business", SageSimulator.SECOND_BUSINESS_ID).GET().build());

        assertThat(lead.raw().headers().firstValue("X-Business")).contains(SageSimulator.LEAD_BUSINESS_ID);
        assertThat(second.raw().headers().firstValue("X-Business")).contains(SageSimulator.SECOND_BUSINESS_ID);
        assertThat(lead.raw().headers().firstValue("x_request_id")).isPresent();
        assertThat(lead.raw().headers().firstValue("x_request_id"))
                .isNotEqualTo(second.raw().headers().firstValue("x_request_id"));
        assertThat(lead.body().path("base_currency").path("id").asText()).isEqualTo("GBP");
        assertThat(lead.body().path("multi_currency_enabled").asBoolean()).isTrue();
    }

    // ------------------------------------------------------------ OAuth

    @Test
    void authorizationCode_isSingleUse_andExpiresAfter60s() throws Exception {
        String code = sage.issueAuthorizationCode("https://app.test/cb");
        Resp ok = form(sage.tokenUrl(), "grant_type", "authorization_code", "code", code,
                "redirect_uri", "https://app.test/cb", "client_id", "c", "client_secret", "s");
        Resp reused = form(sage.tokenUrl(), "grant_type", "authorization_code", "code", code,
                "redirect_uri", "https://app.test/cb");
        String late = sage.issueAuthorizationCode("https://app.test/cb");
        clock.advance(Duration.ofSeconds(61));
        Resp expired = form(sage.tokenUrl(), "grant_type", "authorization_code", "code", late,
                "redirect_uri", "https://app.test/cb");

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().get("expires_in").asInt()).isEqualTo(300);
        assertThat(ok.body().get("refresh_token_expires_in").asInt()).isEqualTo(2678400);
        assertThat(ok.body().get("token_type").asText()).isEqualTo("bearer");
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.body().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(expired.body().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(sage.invalidGrantCount()).isEqualTo(2);
    }

    @Test
    void refreshTokens_rotate_areSingleUse_andOnlyTheNewestIsValid() throws Exception {
        SageTokens first = sage.issueTokens();
        Resp refreshed = form(sage.tokenUrl(), "grant_type", "refresh_token", "refresh_token", first.refreshToken());
        Resp reused = form(sage.tokenUrl(), "grant_type", "refresh_token", "refresh_token", first.refreshToken());
        String second = refreshed.body().get("refresh_token").asText();
        SageTokens superseding = sage.issueTokens();
        Resp superseded = form(sage.tokenUrl(), "grant_type", "refresh_token", "refresh_token", second);
        clock.advance(Duration.ofDays(31));
        Resp expired = form(sage.tokenUrl(), "grant_type", "refresh_token", "refresh_token",
                superseding.refreshToken());

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(second).isNotEqualTo(first.refreshToken());
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.body().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(superseded.body().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(expired.body().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(sage.refreshCount()).isEqualTo(4);
        assertThat(sage.invalidGrantCount()).isEqualTo(3);
    }

    @Test
    void concurrentRefreshesWithTheSameToken_onlyOneWins() throws Exception {
        SageTokens tokens = sage.issueTokens();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Resp>> futures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            futures.add(pool.submit(() -> form(sage.tokenUrl(), "grant_type", "refresh_token",
                    "refresh_token", tokens.refreshToken())));
        }
        int ok = 0;
        for (Future<Resp> f : futures) {
            ok += f.get().status() == 200 ? 1 : 0;
        }
        pool.shutdown();

        assertThat(ok).isEqualTo(1);
        assertThat(sage.invalidGrantCount()).isEqualTo(3);
    }

    @Test
    void revoke_invalidatesTheRefreshToken() throws Exception {
        SageTokens tokens = sage.issueTokens();
        Resp revoked = form(sage.revokeUrl(), "token", tokens.refreshToken(), "client_id", "c");
        Resp refresh = form(sage.tokenUrl(), "grant_type", "refresh_token", "refresh_token", tokens.refreshToken());

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body().get("success").asText()).isEqualTo("ok");
        assertThat(refresh.body().get("error").asText()).isEqualTo("invalid_grant");
    }

    // ------------------------------------------------------------ reference data & lists

    @Test
    void referenceData_isSeeded_andListsUseTheSageWrapper() throws Exception {
        Resp rates = get("/tax_rates?attributes=percentage,name");
        Resp sales = get("/ledger_accounts?visible_in=sales&attributes=nominal_code,display_name");
        Resp expenses = get("/ledger_accounts?visible_in=expenses&attributes=nominal_code");
        Resp banks = get("/bank_accounts?attributes=currency");
        Resp businesses = get("/businesses");
        Resp lead = get("/businesses/lead");

        assertThat(rates.body().get("$total").asInt()).isEqualTo(5);
        assertThat(rates.body().has("$next")).isTrue();
        assertThat(rates.body().get("$itemsPerPage").asInt()).isEqualTo(20);
        JsonNode standard = rates.body().get("$items").get(0);
        assertThat(standard.get("id").asText()).isEqualTo("GB_STANDARD");
        assertThat(standard.get("percentage").decimalValue()).isEqualByComparingTo("20");
        assertThat(sales.body().get("$items")).extracting(n -> n.get("nominal_code").asInt())
                .containsExactly(4000, 4010, 4900, 4905);
        assertThat(sales.body().get("$items").get(0).get("display_name").asText()).isEqualTo("Sales Type A");
        assertThat(expenses.body().get("$items")).extracting(n -> n.get("nominal_code").asInt())
                .containsExactly(5000);
        assertThat(banks.body().get("$items")).extracting(n -> n.path("currency").path("id").asText())
                .containsExactly("GBP", "EUR");
        assertThat(businesses.body().get("$total").asInt()).isEqualTo(3);
        assertThat(lead.body().get("id").asText()).isEqualTo(SageSimulator.LEAD_BUSINESS_ID);
        assertThat(lead.raw().headers().firstValue("X-Business")).isEmpty();
    }

    @Test
    void contactSearch_andPagination() throws Exception {
        for (int i = 1; i <= 3; i++) {
            createContact("Customer " + i, "M" + i, null, "GB");
        }
        Resp page1 = get("/contacts?items_per_page=2&attributes=reference");
        Resp page2 = get("/contacts?items_per_page=2&page=2");
        Resp search = get("/contacts?search=m2&attributes=reference,email,currency");
        Resp email = get("/contacts?email=M3@x.test&contact_type_id=CUSTOMER");

        assertThat(page1.body().get("$total").asInt()).isEqualTo(3);
        assertThat(page1.body().get("$items")).hasSize(2);
        assertThat(page1.body().get("$next").asText()).contains("page=2");
        assertThat(page1.body().get("$back").isNull()).isTrue();
        assertThat(page1.body().get("$items").get(0).has("reference")).isTrue();
        assertThat(page1.body().get("$items").get(0).has("email")).isFalse();
        assertThat(page2.body().get("$items")).hasSize(1);
        assertThat(page2.body().get("$next").isNull()).isTrue();
        assertThat(search.body().get("$items")).singleElement()
                .satisfies(c -> assertThat(c.get("reference").asText()).isEqualTo("M2"));
        assertThat(email.body().get("$total").asInt()).isEqualTo(1);
    }

    // ------------------------------------------------------------ creates

    @Test
    void invoice_totalsAreComputedFromLines_andShippingTaxIsRecomputed() throws Exception {
        String contact = createContact("Jane", "M5", null, "GB");
        ObjectNode body = invoiceBody(contact, "100000123");
        invoiceOf(body).put("shipping_net_amount", "5.00").put("shipping_tax_rate_id", "GB_STANDARD")
                .put("shipping_tax_amount", "0.00").put("total_amount", "999.99");
        invoiceOf(body).withArray("invoice_lines").addObject().put("description", "Book")
                .put("ledger_account_id", sage.ledgerAccountId("4010")).put("quantity", "1").put("unit_price", "7.333")
                .put("tax_rate_id", "GB_ZERO").put("tax_amount", "0.00");

        Resp resp = post("/sales_invoices", body);

        assertThat(resp.status()).isEqualTo(201);
        JsonNode invoice = resp.body();
        assertThat(invoice.get("id").asText()).matches("[0-9a-f]{32}");
        assertThat(invoice.get("invoice_number").asText()).isEqualTo("SI-1");
        assertThat(invoice.get("displayed_as").asText()).isEqualTo("SI-1");
        assertThat(invoice.path("status").path("id").asText()).isEqualTo("UNPAID");
        assertThat(invoice.get("reference").asText()).isEqualTo("100000123");
        assertThat(invoice.path("contact").path("id").asText()).isEqualTo(contact);
        assertThat(invoice.path("currency").path("id").asText()).isEqualTo("GBP");
        // net = 2 x 55 - 10 = 100.00 and 7.333 -> 7.33; tax = 20.00 + 0
        assertThat(invoice.get("net_amount").isNumber()).isTrue();
        assertThat(invoice.get("net_amount").decimalValue()).isEqualByComparingTo("107.33");
        assertThat(invoice.get("tax_amount").decimalValue()).isEqualByComparingTo("20.00");
        // shipping VAT recomputed: 5.00 x 20% = 1.00 although 0.00 was sent (quirk §32)
        assertThat(invoice.get("shipping_tax_amount").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(invoice.get("total_amount").decimalValue()).isEqualByComparingTo("133.33");
        assertThat(sage.invoices()).hasSize(1);
        assertThat(sage.validationFailures()).isEmpty();

        Resp fetched = get("/sales_invoices/" + invoice.get("id").asText());
        assertThat(fetched.body().get("total_amount").decimalValue()).isEqualByComparingTo("133.33");
    }

    @Test
    void schemaViolation_gives422RecordInvalid_withSource_andIsRecorded() throws Exception {
        String contact = createContact("Jane", "M5", null, "GB");
        ObjectNode misspelled = invoiceBody(contact, "1");
        line(misspelled, 0).put("unitprice", "1.00");
        ObjectNode unwrapped = (ObjectNode) invoiceBody(contact, "2").get("sales_invoice");

        Resp bad = post("/sales_invoices", misspelled);
        Resp noRoot = post("/sales_invoices", unwrapped);

        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().get(0).get("$dataCode").asText()).isEqualTo("RecordInvalid");
        assertThat(bad.body().get(0).get("$source").asText()).isEqualTo("line_items.unitprice");
        assertThat(noRoot.status()).isEqualTo(422);
        assertThat(sage.validationFailures()).hasSize(noRoot.body().size() + 1)
                .anySatisfy(v -> assertThat(v).contains("unitprice"));
        assertThat(sage.invoices()).isEmpty();
    }

    @Test
    void idempotencyId_replaysFor7Days_rejectsOtherTypes_andCreatesAgainAfterwards() throws Exception {
        String contact = createContact("Jane", "M5", null, "GB");
        ObjectNode body = invoiceBody(contact, "100000123");
        invoiceOf(body).put("idempotency_id", "c3a8adaa26daf36e02f3c672b69e3323");

        Resp first = post("/sales_invoices", body);
        advanceAndReauthorize(Duration.ofDays(6));
        Resp replay = post("/sales_invoices", body);
        ObjectNode payment = JSON.createObjectNode();
        payment.putObject("contact_payment").put("transaction_type_id", "CUSTOMER_RECEIPT")
                .put("contact_id", contact).put("bank_account_id", sage.bankAccountId("GBP"))
                .put("date", "2024-06-24").put("total_amount", "1.00")
                .put("idempotency_id", "c3a8adaa26daf36e02f3c672b69e3323");
        Resp mismatch = post("/contact_payments", payment);
        advanceAndReauthorize(Duration.ofDays(2));
        Resp afterWindow = post("/sales_invoices", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isIn(200, 201);
        assertThat(replay.body().get("id").asText()).isEqualTo(first.body().get("id").asText());
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.body().get(0).get("$dataCode").asText()).isEqualTo("IdempotencyResourceMismatch");
        assertThat(afterWindow.status()).isEqualTo(201);
        assertThat(afterWindow.body().get("id").asText()).isNotEqualTo(first.body().get("id").asText());
        assertThat(sage.invoices()).hasSize(2);
        assertThat(sage.payments()).isEmpty();
    }

    @Test
    void contactCurrencyIsLocked_invoiceInAnotherCurrencyIsRejected() throws Exception {
        String euroContact = createContact("Jean", "M5E", "EUR", "GB");
        ObjectNode gbp = invoiceBody(euroContact, "1");
        invoiceOf(gbp).put("currency_id", "GBP");
        ObjectNode eur = invoiceBody(euroContact, "2");
        invoiceOf(eur).put("currency_id", "EUR").put("exchange_rate", "1.1700000000");

        Resp rejected = post("/sales_invoices", gbp);
        Resp accepted = post("/sales_invoices", eur);

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.body().get(0).get("$source").asText()).isEqualTo("currency_id");
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.body().path("currency").path("id").asText()).isEqualTo("EUR");
    }

    @Test
    void fieldLengthLimits_give422() throws Exception {
        String contact = createContact("Jane", "M5", null, "GB");
        Resp longReference = post("/contacts", contactBody("Bob", "M123456789X", null, "GB"));
        Resp longName = post("/contacts", contactBody("n".repeat(101), "M6", null, "GB"));
        Resp longInvoiceRef = post("/sales_invoices", invoiceBody(contact, "r".repeat(26)));

        assertThat(longReference.status()).isEqualTo(422);
        assertThat(longReference.body().get(0).get("$source").asText()).isEqualTo("reference");
        assertThat(longName.status()).isEqualTo(422);
        // the contact person's name (copied from the contact name here) is limited too, so expect both sources
        assertThat(longName.body()).extracting(e -> e.get("$source").asText()).contains("name");
        assertThat(longInvoiceRef.status()).isEqualTo(422);
        assertThat(longInvoiceRef.body().get(0).get("$source").asText()).isEqualTo("reference");
        assertThat(sage.contacts()).hasSize(1);
    }

    @Test
    void crossBorderCustomer_requiresZeroRatedLines_ofOneGoodsServicesType() throws Exception {
        String french = createContact("Jean", "M7", null, "FR");
        Resp standardRated = post("/sales_invoices", invoiceBody(french, "1"));
        ObjectNode mixed = invoiceBody(french, "2");
        line(mixed, 0).put("tax_rate_id", "GB_ZERO").put("eu_goods_services_type_id", "GOODS").remove("tax_amount");
        invoiceOf(mixed).withArray("invoice_lines").addObject().put("description", "Download")
                .put("ledger_account_id", sage.ledgerAccountId("4000")).put("unit_price", "5.00")
                .put("tax_rate_id", "GB_ZERO").put("eu_goods_services_type_id", "SERVICES");
        ObjectNode ok = invoiceBody(french, "3");
        line(ok, 0).put("tax_rate_id", "GB_ZERO").put("eu_goods_services_type_id", "GOODS").remove("tax_amount");
        String british = createContact("John", "M8", null, "GB");
        ObjectNode shippedAbroad = invoiceBody(british, "4");
        invoiceOf(shippedAbroad).putObject("main_address").put("address_line_1", "x").put("country_id", "DE");

        Resp mixedResp = post("/sales_invoices", mixed);
        Resp okResp = post("/sales_invoices", ok);
        Resp abroadResp = post("/sales_invoices", shippedAbroad);

        assertThat(standardRated.status()).isEqualTo(422);
        assertThat(standardRated.body().get(0).get("$message").asText()).contains("must be Zero Rated");
        assertThat(mixedResp.status()).isEqualTo(422);
        assertThat(mixedResp.body().get(0).get("$message").asText()).contains("must be the same");
        assertThat(okResp.status()).isEqualTo(201);
        assertThat(okResp.body().get("tax_amount").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(abroadResp.status()).isEqualTo(422);
    }

    @Test
    void htmlEntityInLineDescription_gives422OnLineItemsDescription() throws Exception {
        String contact = createContact("Jane", "M5", null, "GB");
        ObjectNode body = invoiceBody(contact, "1");
        line(body, 0).put("description", "Widget&trade; Pro");

        Resp resp = post("/sales_invoices", body);

        assertThat(resp.status()).isEqualTo(422);
        assertThat(resp.body().get(0).get("$source").asText()).isEqualTo("line_items.description");
        assertThat(sage.validationFailures()).isEmpty();
    }

    @Test
    void invoiceSearch_byReferenceOrContactName_contactAndDates() throws Exception {
        String jane = createContact("Jane Doe", "M5", null, "GB");
        String bob = createContact("Bob Roe", "M6", null, "GB");
        post("/sales_invoices", invoiceBody(jane, "100000123"));
        ObjectNode later = invoiceBody(bob, "100000124");
        invoiceOf(later).put("date", "2024-07-01");
        post("/sales_invoices", later);

        Resp byReference = get("/sales_invoices?search=100000123&attributes=reference,total_amount");
        Resp byName = get("/sales_invoices?search=bob");
        Resp byContact = get("/sales_invoices?contact_id=" + jane);
        Resp byDate = get("/sales_invoices?from_date=2024-06-30&to_date=2024-07-31");

        assertThat(byReference.body().get("$items")).singleElement().satisfies(i -> {
            assertThat(i.get("reference").asText()).isEqualTo("100000123");
            assertThat(i.get("total_amount").decimalValue()).isEqualByComparingTo("120.00");
        });
        assertThat(byName.body().get("$total").asInt()).isEqualTo(1);
        assertThat(byContact.body().get("$items").get(0).get("displayed_as").asText()).isEqualTo("SI-1");
        assertThat(byDate.body().get("$items")).singleElement()
                .satisfies(i -> assertThat(i.get("displayed_as").asText()).isEqualTo("SI-2"));
    }

    @Test
    void creditNote_andPayment_areCreated_andPaymentSettlesTheInvoice() throws Exception {
        String contact = createContact("Jane", "M5", null, "GB");
        String invoiceId = post("/sales_invoices", invoiceBody(contact, "100000123")).body().get("id").asText();
        ObjectNode note = JSON.createObjectNode();
        note.putObject("sales_credit_note").put("contact_id", contact).put("date", "2024-06-25")
                .put("original_invoice_date", "2024-06-24").put("reference", "CM100000001")
                .putArray("credit_note_lines").addObject().put("description", "Widget")
                .put("ledger_account_id", sage.ledgerAccountId("4000")).put("unit_price", "10.00")
                .put("tax_rate_id", "GB_STANDARD").put("tax_amount", "2.00");
        ObjectNode payment = JSON.createObjectNode();
        payment.putObject("contact_payment").put("transaction_type_id", "CUSTOMER_RECEIPT")
                .put("contact_id", contact).put("bank_account_id", sage.bankAccountId("GBP"))
                .put("date", "2024-06-24").put("total_amount", "120.00").put("reference", "100000123")
                .putArray("allocated_artefacts").addObject().put("artefact_id", invoiceId).put("amount", "120.00");

        Resp noteResp = post("/sales_credit_notes", note);
        Resp paymentResp = post("/contact_payments", payment);
        Resp paidAgain = post("/contact_payments", payment);

        assertThat(noteResp.status()).isEqualTo(201);
        assertThat(noteResp.body().get("credit_note_number").asText()).isEqualTo("SCN-1");
        assertThat(noteResp.body().get("total_amount").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(get("/sales_credit_notes/" + noteResp.body().get("id").asText()).status()).isEqualTo(200);
        assertThat(paymentResp.status()).isEqualTo(201);
        assertThat(get("/sales_invoices/" + invoiceId).body().path("status").path("id").asText()).isEqualTo("PAID");
        assertThat(paidAgain.status()).isEqualTo(422);
        assertThat(sage.payments()).hasSize(1);
        assertThat(sage.creditNotes()).hasSize(1);
        assertThat(sage.validationFailures()).isEmpty();
    }

    @Test
    void unknownId_gives404() throws Exception {
        assertThat(get("/sales_invoices/0123456789abcdef0123456789abcdef").status()).isEqualTo(404);
        assertThat(get("/contacts/nope").status()).isEqualTo(404);
    }

    // ------------------------------------------------------------ faults & observability

    @Test
    void throttleAndFailFaults_hitOnlyTheNextMatchingRequests() throws Exception {
        sage.faults().throttleNext("GET", "/tax_rates", 2, Duration.ofSeconds(3))
                .failNext("GET", "/ledger_accounts", 1, 503);

        Resp first = get("/tax_rates");
        Resp second = get("/tax_rates");
        Resp third = get("/tax_rates");
        Resp unavailable = get("/ledger_accounts");
        Resp recovered = get("/ledger_accounts");

        assertThat(first.status()).isEqualTo(429);
        assertThat(first.raw().headers().firstValue("Retry-After")).contains("3");
        assertThat(second.status()).isEqualTo(429);
        assertThat(third.status()).isEqualTo(200);
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(recovered.status()).isEqualTo(200);
        assertThat(sage.requestCount("GET", "/tax_rates")).isEqualTo(3);
        assertThat(sage.requestLog()).extracting(SageSimulator.RecordedRequest::status)
                .containsExactly(429, 429, 200, 503, 200);
    }

    @Test
    void failAfterCreate_createsTheRecord_butAnswers500_andRetryWithSameIdempotencyIdReplays() throws Exception {
        String contact = createContact("Jane", "M5", null, "GB");
        ObjectNode body = invoiceBody(contact, "100000123");
        invoiceOf(body).put("idempotency_id", "0123456789abcdef0123456789abcdef");
        sage.faults().failAfterCreate("POST", "/sales_invoices", 1);

        Resp failed = post("/sales_invoices", body);
        Resp retried = post("/sales_invoices", body);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body().get(0).get("$dataCode").asText()).isEqualTo("UnexpectedError");
        assertThat(retried.status()).isEqualTo(201);
        assertThat(sage.invoices()).hasSize(1);
        assertThat(retried.body().get("id").asText()).isEqualTo(sage.invoices().get(0).get("id").asText());
    }

    @Test
    void latencyAndReset() throws Exception {
        sage.faults().latency(Duration.ofMillis(150)).failNext(null, "/", 5, 500);
        sage.resetFaults();
        sage.faults().latency(Duration.ofMillis(150));
        long start = System.nanoTime();
        Resp slow = get("/tax_rates");
        long slowMillis = (System.nanoTime() - start) / 1_000_000;
        sage.resetFaults();

        assertThat(slow.status()).isEqualTo(200);
        assertThat(slowMillis).isGreaterThanOrEqualTo(150);
        assertThat(sage.faults().pending()).isZero();
    }

    @Test
    void concurrentCreates_areAllStored_withUniqueIdsAndNumbers() throws Exception {
        String contact = createContact("Jane", "M5", null, "GB");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Resp>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String reference = "R" + i;
            futures.add(pool.submit(() -> post("/sales_invoices", invoiceBody(contact, reference))));
        }
        for (Future<Resp> f : futures) {
            assertThat(f.get().status()).isEqualTo(201);
        }
        pool.shutdown();

        assertThat(sage.invoices()).hasSize(20);
        assertThat(sage.invoices()).extracting(i -> i.get("invoice_number").asText()).doesNotHaveDuplicates();
        assertThat(sage.invoices()).extracting(i -> i.get("id").asText()).doesNotHaveDuplicates();
        assertThat(sage.requestCount("POST", "/sales_invoices")).isEqualTo(20);
    }

    @Test
    void sameSeedAndClock_giveTheSameIds() throws Exception {
        String first = createContact("Jane", "M5", null, "GB");
        try (SageSimulator twin = SageSimulator.builder().clock(clock).seed(7).start()) {
            String token = twin.issueTokens().accessToken();
            HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(twin.baseUrl() + "/contacts"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            contactBody("Jane", "M5", null, "GB")))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(JSON.readTree(resp.body()).get("id").asText()).isEqualTo(first);
        }
    }
}
