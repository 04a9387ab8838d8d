package io.sagesync.adapter.sage.api;

import io.sagesync.adapter.http.CappedBody;
import io.sagesync.log.Log;
import io.sagesync.port.CallBudget;
import io.sagesync.port.SageCallException.Kind;
import io.sagesync.retry.InProcessRetry;
import io.sagesync.retry.Sleeper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The HTTP transport to Sage Business Cloud Accounting v3.1: headers, error parsing, paging and a bounded retry
 * policy. Resource mapping lives elsewhere; this class moves JSON strings.
 *
 * <p>Retry rules (sage-api-v3.1 §3, §6):
 * <ul>
 *   <li>429, and connection failures before the request was sent, are retried for every method.</li>
 *   <li>5xx (503 included) and read timeouts are retried for GET, and for POST/PUT only when the body carries an
 *       {@code idempotency_id}: Sage documents that a 5xx on a create may still have created the record. Without
 *       the id they end with {@link Kind#UNKNOWN_OUTCOME} after the one call.</li>
 *   <li>Any other 4xx is final at once.</li>
 *   <li>At most {@link InProcessRetry#maxAttempts()} calls and {@link InProcessRetry#sleepBudget()} of sleeping; then
 *       {@link Kind#RATE_LIMITED} (if the last answer was 429) or {@link Kind#PROVIDER}, so the
 *       queue retries later instead of the Lambda idling.</li>
 * </ul>
 * The access-token supplier is called for every attempt, so a refresh between retries is picked up.
 */
public final class SageHttpClient {
    private static final Log LOG = Log.of(SageHttpClient.class);
    private static final String JSON_TYPE = "application/json";
    /** Guards against a server that keeps handing out $next links: 500 pages of 200 = 100,000 records. */
    static final int MAX_PAGES = 500;
    /** Sage's maximum page size; fewer round trips for reference-data and lookup lists. */
    static final String MAX_ITEMS_PER_PAGE = "200";
    /** A page of 200 invoices with their lines is a few MiB at most; a larger body is refused while it streams. */
    static final long MAX_BODY_BYTES = 8L * 1024 * 1024;
    /** Below this much invocation time no call is started: it could not finish (and its outcome not be recorded). */
    static final Duration MIN_CALL = Duration.ofSeconds(1);

    private final SageClientConfig config;
    private final Supplier<String> accessTokenSupplier;
    private final HttpClient http;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final URI base;
    private final CallBudget budget;

    /**
     * @param config              base URL, business, timeouts, retry policy
     * @param accessTokenSupplier a currently valid OAuth access token (refreshing as needed), called per attempt
     * @param http                the shared client, built once, not following redirects
     * @param clock               for {@code Retry-After} HTTP-dates and call durations
     * @param sleeper             waits between retries
     * @param random              jitter source
     */
    public SageHttpClient(SageClientConfig config, Supplier<String> accessTokenSupplier, HttpClient http, Clock clock,
                          Sleeper sleeper, RandomGenerator random) {
        this(config, accessTokenSupplier, http, clock, sleeper, random, CallBudget.UNBOUNDED);
    }

    /**
     * @param budget what is left of the invocation: each call's total deadline (connect, headers and body) is the
     *               shorter of {@link SageClientConfig#requestTimeout()} and this, and no retry sleeps past it
     */
    public SageHttpClient(SageClientConfig config, Supplier<String> accessTokenSupplier, HttpClient http, Clock clock,
                          Sleeper sleeper, RandomGenerator random, CallBudget budget) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.config = Objects.requireNonNull(config, "config");
        this.accessTokenSupplier = Objects.requireNonNull(accessTokenSupplier, "accessTokenSupplier");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.base = URI.create(config.baseUrl());
    }

    /** The Sage business this client writes to (sent as {@code X-Business}). */
    public String businessId() {
        return config.businessId();
    }

    /** GET {@code path} (relative to the base URL) with the query parameters, in the map's iteration order. */
    public SageResponse get(String path, Map<String, String> query) {
        return execute("GET", path + SageWire.queryString(path, query), null, true);
    }

    /**
     * POST a JSON body.
     *
     * @param carriesIdempotencyId true when the resource object in {@code jsonBody} has an {@code idempotency_id};
     *                             only then are 5xx and timeouts retried (Sage replays the original result)
     */
    public SageResponse post(String path, String jsonBody, boolean carriesIdempotencyId) {
        return execute("POST", path, Objects.requireNonNull(jsonBody, "jsonBody"), carriesIdempotencyId);
    }

    /** PUT a JSON body; retry rules as for {@link #post}. */
    public SageResponse put(String path, String jsonBody, boolean carriesIdempotencyId) {
        return execute("PUT", path, Objects.requireNonNull(jsonBody, "jsonBody"), carriesIdempotencyId);
    }

    /**
     * GETs every page of a list, following {@code $next} until it is null, and returns all items as compact JSON
     * strings. Adds {@code items_per_page=200} unless the query sets a page size.
     */
    public List<String> getAllPages(String path, Map<String, String> query) {
        Map<String, String> firstQuery = new LinkedHashMap<>(query);
        firstQuery.putIfAbsent("items_per_page", MAX_ITEMS_PER_PAGE);
        String next = path + SageWire.queryString(path, firstQuery);
        List<String> items = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        int pages = 0;
        while (next != null) {
            if (!visited.add(next)) {
                LOG.warn("sage $next repeats a page already read; stopping", "path", SageWire.pathOnly(next));
                break;
            }
            if (++pages > MAX_PAGES) {
                throw new SageApiException(Kind.HTTP, "GET", SageWire.pathOnly(path), 200, List.of(), null, null,
                        new IllegalStateException("more than " + MAX_PAGES + " pages"));
            }
            SageResponse response = execute("GET", next, null, true);
            SageList page;
            try {
                page = SageList.parse(response.body());
            } catch (IllegalArgumentException e) {
                throw new SageApiException(Kind.HTTP, "GET", SageWire.pathOnly(next), response.status(), List.of(),
                        response.requestId(), null, e);
            }
            items.addAll(page.rawItems());
            next = page.next();
        }
        return items;
    }

    private SageResponse execute(String method, String pathAndQuery, String body, boolean replaySafe) {
        URI uri = SageWire.resolve(config.baseUrl(), base, method, pathAndQuery);
        String logPath = SageWire.pathOnly(pathAndQuery);
        InProcessRetry policy = config.retryPolicy();
        Duration slept = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            long started = clock.millis();
            Kind onGiveUp;
            int status = 0;
            List<SageError> errors = List.of();
            String requestId = null;
            Duration retryAfter = null;
            Throwable cause = null;
            Duration deadline = budget.bound(config.requestTimeout());
            if (budget.remaining().compareTo(MIN_CALL) < 0) {
                // nothing sent: safe to retry later through the queue, whatever the method
                LOG.warn("sage call not started: invocation time spent", "method", method, "path", logPath,
                        "attempt", attempt);
                throw new SageApiException(Kind.PROVIDER, method, logPath, status, errors, requestId, null,
                        new java.util.concurrent.TimeoutException("invocation time spent"));
            }
            try {
                HttpResponse<String> response = CappedBody.send(http, request(method, uri, body, deadline),
                        MAX_BODY_BYTES, deadline);
                status = response.statusCode();
                requestId = SageWire.requestId(response.headers());
                LOG.info("sage call", "method", method, "path", logPath, "status", status, "x_request_id", requestId,
                        "attempt", attempt, "elapsed_ms", clock.millis() - started);
                checkBusinessEcho(method, logPath, response, requestId);
                if (status >= 200 && status < 300) {
                    return new SageResponse(status, response.body() == null ? "" : response.body(), requestId);
                }
                errors = SageError.parseAll(response.body());
                retryAfter = SageWire.retryAfter(response.headers(), clock.instant()).orElse(null);
                Kind finalClass = SageWire.finalClassification(status);
                if (finalClass != null) {
                    throw new SageApiException(finalClass, method, logPath, status, errors, requestId, retryAfter,
                            null);
                }
                if (status == 429) {
                    onGiveUp = Kind.RATE_LIMITED;
                } else if (replaySafe) {
                    onGiveUp = Kind.PROVIDER;
                } else {
                    throw new SageApiException(Kind.UNKNOWN_OUTCOME, method, logPath, status, errors,
                            requestId, retryAfter, null);
                }
            } catch (CappedBody.TooLargeException e) {
                // Sage answered (perhaps after creating the record), but with more than any resource can be
                logFailure(method, logPath, attempt, e);
                throw new SageApiException(replaySafe ? Kind.HTTP : Kind.UNKNOWN_OUTCOME, method, logPath, 0,
                        List.of(), null, null, e);
            } catch (HttpConnectTimeoutException | ConnectException e) {
                // Never reached Sage: safe to repeat whatever the method.
                logFailure(method, logPath, attempt, e);
                onGiveUp = Kind.PROVIDER;
                cause = e;
            } catch (IOException e) {
                // Read timeout, reset, truncated response: the request may have been processed.
                logFailure(method, logPath, attempt, e);
                if (!replaySafe) {
                    throw new SageApiException(Kind.UNKNOWN_OUTCOME, method, logPath, 0, List.of(), null,
                            null, e);
                }
                onGiveUp = Kind.PROVIDER;
                cause = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SageApiException(replaySafe ? Kind.PROVIDER : Kind.UNKNOWN_OUTCOME,
                        method, logPath, 0, List.of(), null, null, e);
            }

            Duration delay = retryAfter != null
                    ? min(retryAfter, policy.maxRetryAfter())
                    : policy.backoff(attempt - 1, random);
            if (attempt >= policy.maxAttempts() || slept.plus(delay).compareTo(policy.sleepBudget()) > 0
                    || budget.remaining().minus(delay).compareTo(MIN_CALL) < 0) {
                LOG.warn("sage call giving up", "method", method, "path", logPath, "status", status,
                        "x_request_id", requestId, "attempts", attempt, "classification", onGiveUp.name());
                throw new SageApiException(onGiveUp, method, logPath, status, errors, requestId, retryAfter, cause);
            }
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SageApiException(onGiveUp, method, logPath, status, errors, requestId, retryAfter, e);
            }
            slept = slept.plus(delay);
        }
    }

    private HttpRequest request(String method, URI uri, String body, Duration deadline) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(uri)
                .timeout(deadline)
                .header("Authorization", "Bearer " + accessTokenSupplier.get())
                .header("X-Business", config.businessId())
                .header("Content-Type", JSON_TYPE)
                .header("Accept", JSON_TYPE)
                .method(method, publisher)
                .build();
    }

    /**
     * Sage echoes {@code X-Business} on every endpoint except /businesses and /user. A different value means the
     * token acts on another business than configured: we must never write there (sage-api-v3.1 §1).
     */
    private void checkBusinessEcho(String method, String logPath, HttpResponse<String> response, String requestId) {
        Optional<String> echoed = response.headers().firstValue("X-Business");
        if (echoed.isPresent() && !echoed.get().strip().equalsIgnoreCase(config.businessId())) {
            LOG.error("sage answered for another business", "method", method, "path", logPath,
                    "status", response.statusCode(), "x_request_id", requestId);
            throw new SageApiException(Kind.BUSINESS_MISMATCH, method, logPath, response.statusCode(),
                    List.of(), requestId, null, null);
        }
    }

    private static void logFailure(String method, String path, int attempt, IOException e) {
        LOG.warn("sage call failed", "method", method, "path", path, "attempt", attempt,
                "error", e.getClass().getSimpleName());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
