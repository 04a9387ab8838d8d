package io.sagesync.adapter.sage.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.adapter.http.CappedBody;
import io.sagesync.log.Log;
import io.sagesync.port.CallBudget;
import io.sagesync.port.SageOAuthException;
import io.sagesync.port.SageTokenSet;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Sage's OAuth token and revoke endpoints (sage-api-v3.1 §2): form-encoded POSTs with the client credentials in the
 * body. Logs the grant type, status and OAuth error code only; codes, tokens and the client secret never leave this
 * class except in the returned {@link SageTokenSet}.
 */
public final class SageOAuthClient implements SageTokenEndpoint {
    /** Token responses are a few KiB; anything far larger is not Sage's OAuth server talking. */
    static final long MAX_BODY_BYTES = 64L * 1024;
    /** Sage access tokens live 300 s; used when a response omits {@code expires_in}. */
    static final long DEFAULT_EXPIRES_IN = 300;
    /** Sage refresh tokens live 31 days. */
    static final long DEFAULT_REFRESH_EXPIRES_IN = 2_678_400;

    private static final Log LOG = Log.of(SageOAuthClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI tokenUrl;
    private final URI revokeUrl;
    private final Supplier<SageAppCredentials> credentials;
    private final Duration timeout;
    private final Clock clock;
    private final CallBudget budget;

    /**
     * @param http        shared client, no redirects
     * @param tokenUrl    {@code https://oauth.accounting.sage.com/token}
     * @param revokeUrl   {@code https://oauth.accounting.sage.com/revoke}
     * @param credentials the app's client id and secret (read lazily: they live in Secrets Manager)
     * @param timeout     total deadline of each call (connect, headers and body); a caller holding the refresh lease
     *                    passes a shorter one that ends before its lease
     * @param clock       turns {@code expires_in} into absolute instants
     */
    public SageOAuthClient(HttpClient http, String tokenUrl, String revokeUrl, Supplier<SageAppCredentials> credentials,
                           Duration timeout, Clock clock) {
        this(http, tokenUrl, revokeUrl, credentials, timeout, clock, CallBudget.UNBOUNDED);
    }

    /** @param budget what is left of the invocation: no call's deadline reaches past it */
    public SageOAuthClient(HttpClient http, String tokenUrl, String revokeUrl, Supplier<SageAppCredentials> credentials,
                           Duration timeout, Clock clock, CallBudget budget) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.http = Objects.requireNonNull(http, "http");
        this.tokenUrl = URI.create(Objects.requireNonNull(tokenUrl, "tokenUrl"));
        this.revokeUrl = URI.create(Objects.requireNonNull(revokeUrl, "revokeUrl"));
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Exchanges an authorization code (single use, 60 s) for a token pair; {@code codeVerifier} is the PKCE one. */
    public SageTokenSet exchangeCode(String code, String redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        if (codeVerifier != null) {
            form.put("code_verifier", codeVerifier);
        }
        return tokens("authorization_code", form, shorter(timeout));
    }

    /** Spends {@code refreshToken} for a new pair. The old one is dead once Sage has answered, whatever we do next. */
    public SageTokenSet refresh(String refreshToken) {
        return refresh(refreshToken, timeout);
    }

    @Override
    public SageTokenSet refresh(String refreshToken, Duration deadline) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return tokens("refresh_token", form, shorter(deadline));
    }

    /** Revokes a refresh token (disconnect). */
    public void revoke(String refreshToken) {
        revoke(refreshToken, timeout);
    }

    /** Revokes within {@code deadline} (at most the configured timeout): disconnect holds the refresh lease. */
    public void revoke(String refreshToken, Duration deadline) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", refreshToken);
        HttpResponse<String> response = post(revokeUrl, "revoke", form, shorter(deadline));
        LOG.info("sage oauth call", "grant", "revoke", "status", response.statusCode());
        if (response.statusCode() != 200) {
            throw failure("revoke", response);
        }
    }

    private Duration shorter(Duration deadline) {
        return budget.bound(deadline.compareTo(timeout) < 0 ? deadline : timeout);
    }

    private SageTokenSet tokens(String grant, Map<String, String> form, Duration deadline) {
        HttpResponse<String> response = post(tokenUrl, grant, form, deadline);
        int status = response.statusCode();
        if (status != 200) {
            SageOAuthException failure = failure(grant, response);
            LOG.warn("sage oauth call", "grant", grant, "status", status, "error", failure.error());
            throw failure;
        }
        LOG.info("sage oauth call", "grant", grant, "status", status);
        try {
            JsonNode body = JSON.readTree(response.body());
            String access = body.path("access_token").asText(null);
            String refresh = body.path("refresh_token").asText(null);
            if (access == null || refresh == null) {
                throw new SageOAuthException("invalid_response", status, "Sage token response lacks tokens", null);
            }
            Instant now = clock.instant();
            return new SageTokenSet(access, refresh,
                    now.plusSeconds(body.path("expires_in").asLong(DEFAULT_EXPIRES_IN)),
                    now.plusSeconds(body.path("refresh_token_expires_in").asLong(DEFAULT_REFRESH_EXPIRES_IN)), null);
        } catch (IOException e) {
            throw new SageOAuthException("invalid_response", status, "Sage token response is not JSON", e);
        }
    }

    private HttpResponse<String> post(URI url, String grant, Map<String, String> form, Duration deadline) {
        if (deadline.isZero() || deadline.isNegative()) {
            throw new SageOAuthException("transport", 0, "no time left for Sage OAuth " + grant, null);
        }
        SageAppCredentials app = credentials.get();
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("client_id", app.clientId());
        all.put("client_secret", app.clientSecret());
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(deadline)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            // one total deadline for connect, headers and body, and a capped body: a lease holder never outstays
            return CappedBody.send(http, request, MAX_BODY_BYTES, deadline);
        } catch (CappedBody.TooLargeException e) {
            LOG.warn("sage oauth call failed", "grant", grant, "error", "body_too_large");
            throw new SageOAuthException("invalid_response", 0, "Sage OAuth " + grant + " answered more than "
                    + MAX_BODY_BYTES + " bytes", e);
        } catch (IOException e) {
            LOG.warn("sage oauth call failed", "grant", grant, "error", e.getClass().getSimpleName());
            throw new SageOAuthException("transport", 0, "Sage OAuth " + grant + " unreachable: "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SageOAuthException("transport", 0, "Sage OAuth " + grant + " interrupted", e);
        }
    }

    private static SageOAuthException failure(String grant, HttpResponse<String> response) {
        String error = "http_" + response.statusCode();
        try {
            JsonNode node = JSON.readTree(response.body() == null ? "" : response.body()).path("error");
            if (node.isTextual() && node.asText().matches("[a-z_]{1,40}")) {
                error = node.asText();
            }
        } catch (IOException ignored) {
            // not JSON: keep the status-derived code
        }
        return new SageOAuthException(error, response.statusCode(),
                "Sage OAuth " + grant + " answered " + response.statusCode() + " " + error, null);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
