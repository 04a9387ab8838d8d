package io.sagesync.adapter.sage.api;

import io.sagesync.adapter.ScriptedHttpServer.Received;
import io.sagesync.adapter.ScriptedHttpServer.Reply;
import io.sagesync.adapter.ScriptedHttpServer;
import io.sagesync.adapter.http.JdkHttpClients;
import io.sagesync.domain.ErrorClass;
import io.sagesync.port.SageCallException.Kind;
import io.sagesync.retry.InProcessRetry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

class SageHttpClientTest {
    private static final String BUSINESS = "b1f2c3d4e5f60718293a4b5c6d7e8f90";
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final String VALIDATION_BODY = "[{\"$severity\":\"error\",\"$dataCode\":\"RecordInvalid\","
            + "\"$message\":\"This field is required.\",\"$source\":\"line_items.tax_rate_id\"}]";

    private ScriptedHttpServer sage;
    private final List<Duration> sleeps = new ArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        sage = new ScriptedHttpServer();
    }

    @AfterEach
    void stop() {
        sage.close();
    }

    private SageHttpClient client(InProcessRetry policy) {
        // generous: on a loaded machine a 2 s read timeout turned a scripted 503 into a retried timeout
        return client(policy, Duration.ofSeconds(10));
    }

    private SageHttpClient client(InProcessRetry policy, Duration requestTimeout) {
        SageClientConfig config = new SageClientConfig(sage.baseUrl() + "/v3.1/", BUSINESS, Duration.ofSeconds(5),
                requestTimeout, policy);
        return new SageHttpClient(config, () -> "access-" + tokens.incrementAndGet(),
                JdkHttpClients.create(config.connectTimeout()), Clock.fixed(NOW, ZoneOffset.UTC), sleeps::add,
                new SplittableRandom(7));
    }

    private SageHttpClient client() {
        return client(InProcessRetry.defaults());
    }

    @Test
    void everyCall_shouldSendAuthBusinessAndJsonHeaders() {
        sage.enqueue(Reply.of(200, "{\"id\":\"c1\"}").withHeader("X-Business", BUSINESS)
                .withHeader("x_request_id", "req-1"));
        sage.enqueue(201, "{\"id\":\"si1\"}");

        SageResponse got = client().get("/contacts/c1", Map.of());
        SageResponse created = client().post("sales_invoices", "{\"sales_invoice\":{}}", true);

        assertThat(got.body()).isEqualTo("{\"id\":\"c1\"}");
        assertThat(got.requestId()).isEqualTo("req-1");
        assertThat(created.status()).isEqualTo(201);
        for (Received r : sage.received()) {
            assertThat(r.header("Authorization")).startsWith("Bearer access-");
            assertThat(r.header("X-Business")).isEqualTo(BUSINESS);
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(r.header("Accept")).isEqualTo("application/json");
        }
        assertThat(sage.received()).extracting(Received::method, Received::pathAndQuery)
                .containsExactly(tuple("GET", "/v3.1/contacts/c1"),
                        tuple("POST", "/v3.1/sales_invoices"));
        assertThat(sage.last().body()).isEqualTo("{\"sales_invoice\":{}}");
    }

    @Test
    void logs_shouldCarryTheRequestIdButNeitherTokensNorQueryValues() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        // the JSON layout writes to the current System.out, exactly what Lambda ships to CloudWatch
        System.setOut(new PrintStream(captured, true, UTF_8));
        try {
            sage.enqueue(Reply.of(200, "{}").withHeader("x_request_id", "req-log-1"));
            client().get("/contacts", Map.of("search", "jane@example.com"));
        } finally {
            System.setOut(stdout);
        }

        String log = captured.toString(UTF_8);
        assertThat(log).contains("\"x_request_id\":\"req-log-1\"").contains("\"path\":\"/contacts\"")
                .doesNotContain("jane").doesNotContain("access-").doesNotContain("Bearer");
    }

    @Test
    void get_shouldEncodeQueryParametersInOrder() {
        sage.enqueue(200, "{}");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("search", "SI 27&x");
        query.put("attributes", "reference,total_amount");

        client().get("/sales_invoices", query);

        assertThat(sage.last().pathAndQuery())
                .isEqualTo("/v3.1/sales_invoices?search=SI%2027%26x&attributes=reference%2Ctotal_amount");
    }

    @Test
    void validationError_shouldBeParsedAndNeverRetried() {
        sage.enqueue(Reply.of(422, VALIDATION_BODY).withHeader("x_request_id", "req-422"));

        SageApiException e = catchThrowableOfType(SageApiException.class,
                () -> client().post("/sales_invoices", "{}", true));

        assertThat(e.kind()).isEqualTo(Kind.VALIDATION);
        assertThat(e.kind().errorClass()).isEqualTo(ErrorClass.VALIDATION);
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.requestId()).isEqualTo("req-422");
        assertThat(e.errors()).containsExactly(new SageError("error", "RecordInvalid", "This field is required.",
                "line_items.tax_rate_id"));
        assertThat(e.getMessage()).contains("RecordInvalid@line_items.tax_rate_id")
                .doesNotContain("This field is required.");
        assertThat(sage.received()).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void authAndNotFoundAndConflict_shouldBeClassifiedWithoutRetry() {
        sage.enqueue(401, "[{\"$severity\":\"error\",\"$dataCode\":\"AuthorizationFailure\","
                + "\"$message\":\"No active subscription. (MSE)\"}]");
        sage.enqueue(404, "");
        sage.enqueue(409, "not json at all");
        sage.enqueue(405, "");
        SageHttpClient client = client();

        assertThat(catchThrowableOfType(SageApiException.class, () -> client.get("/x", Map.of())))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTH);
                    assertThat(e.errors()).extracting(SageError::dataCode).containsExactly("AuthorizationFailure");
                });
        assertThat(catchThrowableOfType(SageApiException.class, () -> client.get("/x", Map.of())).kind())
                .isEqualTo(Kind.NOT_FOUND);
        SageApiException conflict = catchThrowableOfType(SageApiException.class, () -> client.get("/x", Map.of()));
        assertThat(conflict.kind()).isEqualTo(Kind.VALIDATION);
        assertThat(conflict.errors()).isEmpty();
        assertThat(catchThrowableOfType(SageApiException.class, () -> client.get("/x", Map.of())).kind())
                .isEqualTo(Kind.HTTP);
        assertThat(sage.received()).hasSize(4);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void tooManyRequests_shouldBeRetriedAfterAJitteredSleep() {
        sage.enqueue(429, "").enqueue(201, "{\"id\":\"si1\"}");

        SageResponse r = client().post("/sales_invoices", "{}", false);

        assertThat(r.status()).isEqualTo(201);
        assertThat(sage.received()).hasSize(2);
        assertThat(sleeps).hasSize(1);
        assertThat(sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(250));
        assertThat(tokens).as("a token is fetched for each attempt").hasValue(2);
    }

    @Test
    void retryAfterSeconds_shouldBeHonoured() {
        sage.enqueue(Reply.of(429, "").withHeader("Retry-After", "3")).enqueue(200, "{}");

        client().get("/contacts", Map.of());

        assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void retryAfterHttpDate_shouldBeMeasuredWithTheInjectedClock() {
        String in5s = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(NOW.plusSeconds(5),
                ZoneOffset.UTC));
        sage.enqueue(Reply.of(503, "").withHeader("Retry-After", in5s)).enqueue(200, "{}");

        client().get("/contacts", Map.of());

        assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void retryAfter_shouldBeCappedAndBoundedByTheSleepBudget() {
        InProcessRetry policy = new InProcessRetry(Duration.ofMillis(250), Duration.ofSeconds(8), 4,
                Duration.ofSeconds(4), Duration.ofSeconds(6));
        sage.enqueue(Reply.of(429, "").withHeader("Retry-After", "60"))
                .enqueue(Reply.of(429, "").withHeader("Retry-After", "60"));

        SageApiException e = catchThrowableOfType(SageApiException.class,
                () -> client(policy).get("/contacts", Map.of()));

        assertThat(sleeps).containsExactly(Duration.ofSeconds(4));
        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.kind().retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
        assertThat(sage.received()).hasSize(2);
    }

    @Test
    void tooManyRequests_shouldEndRateLimitedAfterMaxAttempts() {
        for (int i = 0; i < 4; i++) {
            sage.enqueue(429, "");
        }

        SageApiException e = catchThrowableOfType(SageApiException.class,
                () -> client().get("/contacts", Map.of()));

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.status()).isEqualTo(429);
        assertThat(sage.received()).hasSize(4);
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void serverErrorOnPostWithIdempotencyId_shouldBeRetried() {
        sage.enqueue(500, "[{\"$severity\":\"error\",\"$dataCode\":\"UnexpectedError\"}]")
                .enqueue(201, "{\"id\":\"si1\"}");

        SageResponse r = client().post("/sales_invoices", "{\"sales_invoice\":{\"idempotency_id\":\"abc\"}}", true);

        assertThat(r.status()).isEqualTo(201);
        assertThat(sage.received()).hasSize(2);
        assertThat(sage.received()).extracting(Received::body).containsOnly(
                "{\"sales_invoice\":{\"idempotency_id\":\"abc\"}}");
    }

    @Test
    void serverErrorOnPostWithoutIdempotencyId_shouldBeUnknownOutcomeAfterOneCall() {
        sage.enqueue(Reply.of(500, "[{\"$severity\":\"error\",\"$dataCode\":\"UnexpectedError\"}]")
                .withHeader("x_request_id", "req-500")).enqueue(201, "{}");

        SageApiException e = catchThrowableOfType(SageApiException.class,
                () -> client().post("/contact_payments", "{}", false));

        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
        // retryable only as the port defines it: the use case re-sends with the same idempotency id or looks it up
        assertThat(e.kind().retryable()).isTrue();
        assertThat(e.requestId()).isEqualTo("req-500");
        assertThat(e.errors()).extracting(SageError::dataCode).containsExactly("UnexpectedError");
        assertThat(sage.received()).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void badGatewayOnPutWithoutIdempotencyId_shouldBeUnknownOutcome() {
        sage.enqueue(502, "<html>bad gateway</html>");

        SageApiException e = catchThrowableOfType(SageApiException.class,
                () -> client().put("/sales_invoices/si1", "{}", false));

        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
        assertThat(sage.received()).hasSize(1);
    }

    @Test
    void serviceUnavailableOnPostWithoutIdempotencyId_shouldBeUnknownOutcomeBecauseSageMayHaveCreatedIt() {
        sage.enqueue(503, "").enqueue(201, "{}");

        SageApiException e = catchThrowableOfType(SageApiException.class,
                () -> client().post("/contacts", "{}", false));

        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
        assertThat(sage.received()).hasSize(1);
    }

    @Test
    void serviceUnavailableOnGet_shouldBeRetriedThenProviderAfterMaxAttempts() {
        for (int i = 0; i < 5; i++) {
            sage.enqueue(503, "");
        }

        SageApiException e = catchThrowableOfType(SageApiException.class,
                () -> client().get("/tax_rates", Map.of()));

        assertThat(e.kind()).isEqualTo(Kind.PROVIDER);
        assertThat(e.status()).isEqualTo(503);
        assertThat(sage.received()).hasSize(4);
        assertThat(sleeps).hasSize(3);
        for (int n = 0; n < sleeps.size(); n++) {
            assertThat(sleeps.get(n)).isBetween(Duration.ZERO, Duration.ofMillis(250L << n));
        }
    }

    @Test
    void readTimeoutOnGet_shouldBeRetried() {
        sage.enqueue(Reply.of(200, "{}").delayedBy(Duration.ofMillis(1200))).enqueue(200, "{\"ok\":true}");

        SageResponse r = client(InProcessRetry.defaults(), Duration.ofMillis(300)).get("/contacts", Map.of());

        assertThat(r.body()).isEqualTo("{\"ok\":true}");
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void readTimeoutOnPostWithoutIdempotencyId_shouldBeUnknownOutcome() {
        sage.enqueue(Reply.of(201, "{}").delayedBy(Duration.ofMillis(1200)));

        SageApiException e = catchThrowableOfType(SageApiException.class,
                () -> client(InProcessRetry.defaults(), Duration.ofMillis(300)).post("/contacts", "{}", false));

        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
        assertThat(e.status()).isZero();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void connectionRefused_shouldBeRetriedEvenForPostThenProvider() {
        SageHttpClient client = client();
        sage.close();

        SageApiException e = catchThrowableOfType(SageApiException.class,
                () -> client.post("/contacts", "{}", false));

        assertThat(e.kind()).isEqualTo(Kind.PROVIDER);
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void businessMismatch_shouldBeRejectedEvenOnSuccess() {
        sage.enqueue(Reply.of(201, "{\"id\":\"si1\"}").withHeader("X-Business", "someone-else"));

        SageApiException e = catchThrowableOfType(SageApiException.class,
                () -> client().post("/sales_invoices", "{}", true));

        assertThat(e.kind()).isEqualTo(Kind.BUSINESS_MISMATCH);
        assertThat(e.kind().retryable()).isFalse();
        assertThat(sage.received()).hasSize(1);
    }

    @Test
    void getAllPages_shouldFollowNextWithBothPageSizeSpellings() {
        sage.enqueue(200, "{\"$total\":3,\"$page\":1,\"$next\":\"/contacts?page=2&items_per_page=2\","
                + "\"$itemsPerPage\":2,\"$items\":[{\"id\":\"a\"},{\"id\":\"b\"}]}");
        sage.enqueue(200, "{\"$total\":3,\"$page\":2,\"$next\":null,\"$items_per_page\":2,"
                + "\"$items\":[{\"id\":\"c\"}]}");

        List<String> items = client().getAllPages("/contacts", Map.of("contact_type_id", "CUSTOMER"));

        assertThat(items).containsExactly("{\"id\":\"a\"}", "{\"id\":\"b\"}", "{\"id\":\"c\"}");
        assertThat(sage.received()).extracting(Received::pathAndQuery).containsExactly(
                "/v3.1/contacts?contact_type_id=CUSTOMER&items_per_page=200",
                "/v3.1/contacts?page=2&items_per_page=2");
    }

    @Test
    void getAllPages_shouldAcceptNextLinksWithTheVersionPrefixAndStopOnARepeatedLink() {
        sage.enqueue(200, "{\"$next\":\"/v3.1/ledger_accounts?page=2\",\"$items\":[{\"id\":\"a\"}]}");
        sage.enqueue(200, "{\"$next\":\"/v3.1/ledger_accounts?page=2\",\"$items\":[{\"id\":\"b\"}]}");

        List<String> items = client().getAllPages("/ledger_accounts", Map.of("items_per_page", "50"));

        assertThat(items).containsExactly("{\"id\":\"a\"}", "{\"id\":\"b\"}");
        assertThat(sage.received()).extracting(Received::pathAndQuery).containsExactly(
                "/v3.1/ledger_accounts?items_per_page=50", "/v3.1/ledger_accounts?page=2");
    }

    @Test
    void getAllPages_shouldRefuseAnAbsoluteNextLinkToAnotherHost() {
        sage.enqueue(200, "{\"$next\":\"https://evil.example/v3.1/contacts?page=2\",\"$items\":[]}");

        SageApiException e = catchThrowableOfType(SageApiException.class,
                () -> client().getAllPages("/contacts", Map.of()));

        assertThat(e.kind()).isEqualTo(Kind.HTTP);
        assertThat(sage.received()).hasSize(1);
    }

    // ---------------------------------------------------------------- bounded I/O (issue 9 item 7)

    private SageHttpClient budgeted(io.sagesync.port.CallBudget budget) {
        SageClientConfig config = new SageClientConfig(sage.baseUrl() + "/v3.1/", BUSINESS, Duration.ofSeconds(5),
                Duration.ofSeconds(10), InProcessRetry.defaults());
        return new SageHttpClient(config, () -> "access", JdkHttpClients.create(config.connectTimeout()),
                Clock.systemUTC(), d -> Thread.sleep(d.toMillis()), new SplittableRandom(7), budget);
    }

    @Test
    void aBodyOverTheCap_isRefusedWhileStreaming_andNotRetried() {
        sage.enqueue(200, "x".repeat((int) SageHttpClient.MAX_BODY_BYTES + 1));

        assertThatThrownBy(() -> client().get("/contacts", Map.of()))
                .isInstanceOfSatisfying(SageApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.HTTP);
                    assertThat(e.getCause()).hasMessageContaining("larger than");
                });
        assertThat(sage.received()).hasSize(1);
    }

    @Test
    void anOversizedAnswerToACreate_isAnUnknownOutcome_notARetry() {
        sage.enqueue(201, "x".repeat((int) SageHttpClient.MAX_BODY_BYTES + 1));

        assertThatThrownBy(() -> client().post("sales_invoices", "{\"sales_invoice\":{}}", false))
                .isInstanceOfSatisfying(SageApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME));
        assertThat(sage.received()).hasSize(1);
    }

    @Test
    void aSlowAnswer_isCutAtWhatIsLeftOfTheInvocation_notAtTheLongerRequestTimeout() {
        sage.enqueue(Reply.of(200, "{}").delayedBy(Duration.ofSeconds(6)));
        var deadline = new io.sagesync.application.InvocationDeadline(Clock.systemUTC(), Duration.ZERO);
        deadline.begin(Duration.ofMillis(1500));

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> budgeted(deadline).get("/contacts/c1", Map.of()))
                .isInstanceOfSatisfying(SageApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.PROVIDER));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(4500));
        assertThat(sage.received()).as("no retry once the invocation's time is spent").hasSize(1);
    }

    @Test
    void withTooLittleInvocationTimeLeft_noCallIsStarted_andTheJobIsRetriedLater() {
        sage.enqueue(201, "{\"id\":\"si1\"}");

        assertThatThrownBy(() -> budgeted(() -> Duration.ofMillis(400)).post("sales_invoices",
                "{\"sales_invoice\":{}}", false))
                .isInstanceOfSatisfying(SageApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.PROVIDER));
        assertThat(sage.received()).isEmpty();
    }
}
