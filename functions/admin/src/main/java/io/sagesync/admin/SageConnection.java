package io.sagesync.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.adapter.sage.SageApiException;
import io.sagesync.adapter.sage.SageAppCredentials;
import io.sagesync.adapter.sage.SageHttpClient;
import io.sagesync.adapter.sage.SageOAuthClient;
import io.sagesync.adapter.sage.SageOAuthException;
import io.sagesync.adapter.sage.SageReauthRequiredException;
import io.sagesync.adapter.sage.SageTokenCustodian;
import io.sagesync.adapter.sage.SageTokenSet;
import io.sagesync.adapter.sage.SageTokenStore;
import io.sagesync.domain.BindingState;
import io.sagesync.log.JsonLog;
import io.sagesync.port.BindingStore;
import io.sagesync.port.SageCallException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Connects the tenant to a Sage business (authorization code + PKCE S256 + single-use state), keeps the connection
 * alive, disconnects it, and maintains the reference cache. Codes, verifiers and tokens stay inside; results carry
 * ids and names only.
 */
final class SageConnection {
    /** Refresh an idle connection once its refresh token has less than this left (issued 31 days, checked daily). */
    static final Duration KEEPALIVE_MIN_REMAINING = Duration.ofDays(24);
    /** The reference cache is refreshed by the daily keep-alive once it is older than this. */
    static final Duration REFERENCE_MAX_AGE = Duration.ofHours(20);

    private static final JsonLog LOG = JsonLog.of(SageConnection.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A connected business. */
    record Connected(String businessId, String businessName) {
    }

    private final AdminConfig config;
    private final Supplier<SageAppCredentials> app;
    private final SageOAuthClient oauth;
    private final DynamoDbOAuthStateStore states;
    private final SageTokenStore tokens;
    private final SageTokenCustodian custodian;
    private final BindingStore binding;
    private final DynamoDbReferenceCache referenceCache;
    private final Function<String, SageHttpClient> sageClients;
    private final HttpClient http;
    private final Clock clock;
    private final Random random;

    SageConnection(AdminConfig config, Supplier<SageAppCredentials> app, SageOAuthClient oauth,
                   DynamoDbOAuthStateStore states, SageTokenStore tokens, SageTokenCustodian custodian,
                   BindingStore binding, DynamoDbReferenceCache referenceCache,
                   Function<String, SageHttpClient> sageClients, HttpClient http, Clock clock, Random random) {
        this.config = Objects.requireNonNull(config);
        this.app = Objects.requireNonNull(app);
        this.oauth = Objects.requireNonNull(oauth);
        this.states = Objects.requireNonNull(states);
        this.tokens = Objects.requireNonNull(tokens);
        this.custodian = Objects.requireNonNull(custodian);
        this.binding = Objects.requireNonNull(binding);
        this.referenceCache = Objects.requireNonNull(referenceCache);
        this.sageClients = Objects.requireNonNull(sageClients);
        this.http = Objects.requireNonNull(http);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
    }

    /** The URL the merchant opens to authorise; valid for {@link DynamoDbOAuthStateStore#STATE_TTL}, once. */
    String start(String businessId) {
        if (config.sageRedirectUri().isBlank()) {
            throw new AdminException("not_configured", "SAGESYNC_SAGE_REDIRECT_URI is not set: deploy with the "
                    + "SageRedirectUri parameter (the callback URL registered with your Sage app)");
        }
        String state = Pkce.randomToken(random);
        String verifier = Pkce.randomToken(random);
        states.save(state, new DynamoDbOAuthStateStore.PendingAuthorization(verifier, blankToNull(businessId)));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", app.get().clientId());
        params.put("redirect_uri", config.sageRedirectUri());
        params.put("scope", "full_access");
        params.put("state", state);
        params.put("code_challenge", Pkce.s256(verifier));
        params.put("code_challenge_method", "S256");
        String base = config.sageAuthorizeUrl();
        LOG.info("sage connect started");
        return base + (base.contains("?") ? "&" : "?") + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The callback: consumes the state, exchanges the code, picks the business and stores the tokens. */
    Connected finish(String code, String state) {
        var pending = states.take(state).orElseThrow(() -> new AdminException("invalid_state",
                "this Sage authorisation link is unknown, expired (10 minutes) or already used: run "
                        + "sage_connect_start again"));
        if (code == null || code.isBlank()) {
            throw new AdminException("missing_code", "Sage did not return an authorisation code");
        }
        SageTokenSet fresh;
        try {
            fresh = oauth.exchangeCode(code, config.sageRedirectUri(), pending.codeVerifier());
        } catch (SageOAuthException e) {
            throw new AdminException("code_exchange_failed", e.isInvalidGrant()
                    ? "Sage refused the authorisation code (it is single use and expires after 60 s, and the "
                    + "redirect URI must match the Sage app exactly): run sage_connect_start again"
                    : "Sage's token endpoint failed (" + e.error() + "); try again", e);
        }
        Map<String, String> businesses = businesses(fresh.accessToken());
        String chosen = choose(businesses, pending.businessId());
        if (chosen == null) {
            revokeQuietly(fresh.refreshToken());
            throw new AdminException("choose_business", "this Sage login can access several businesses; run "
                    + "sage_connect_start with business_id set to one of: " + describe(businesses));
        }
        tokens.write(fresh.withBusinessId(chosen));
        custodian.invalidate();
        binding.flagSage(BindingState.ACTIVE, "connected to Sage business " + chosen);
        LOG.info("sage connected", "business_id", chosen);
        try {
            refreshReference();
        } catch (RuntimeException e) {
            LOG.warn("reference cache not refreshed after connect", "error", e.getClass().getSimpleName());
        }
        return new Connected(chosen, businesses.get(chosen));
    }

    /** Revokes the refresh token at Sage (best effort) and forgets the tokens. */
    void disconnect() {
        Optional<SageTokenSet> stored = tokens.read();
        stored.ifPresent(t -> revokeQuietly(t.refreshToken()));
        tokens.clear();
        custodian.invalidate();
        binding.flagSage(BindingState.NOT_CONNECTED, "disconnected by the operator");
        LOG.info("sage disconnected", "had_tokens", stored.isPresent());
    }

    /** Daily schedule: renews the refresh token well within its 31 days and refreshes a stale reference cache. */
    Map<String, Object> keepAlive() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (tokens.read().isEmpty()) {
            out.put("skipped", "Sage is not connected");
            return out;
        }
        if (BindingState.NEEDS_REAUTH.equals(binding.state().sageConnection())) {
            out.put("skipped", "needs_reauth: " + SageReauthRequiredException.RECONNECT);
            return out;
        }
        out.put("refreshed", custodian.keepAlive(KEEPALIVE_MIN_REMAINING));
        boolean stale = referenceCache.load()
                .map(r -> r.refreshedAt().plus(REFERENCE_MAX_AGE).isBefore(clock.instant()))
                .orElse(true);
        if (stale) {
            refreshReference();
        }
        out.put("reference_refreshed", stale);
        return out;
    }

    /** Fetches tax rates, sales/purchase ledger accounts and bank accounts into the cache. */
    SageReference refreshReference() {
        String businessId = custodian.current().businessId();
        SageHttpClient sage = sageClients.apply(businessId);
        SageReference reference = new SageReference(businessId,
                names(sage.getAllPages("/tax_rates", Map.of())),
                names(sage.getAllPages("/ledger_accounts", Map.of("visible_in", "sales"))),
                names(sage.getAllPages("/ledger_accounts", Map.of("visible_in", "expenses"))),
                names(sage.getAllPages("/bank_accounts", Map.of())),
                clock.instant());
        referenceCache.save(reference);
        LOG.info("sage reference cache refreshed", "tax_rates", reference.taxRates().size(),
                "bank_accounts", reference.bankAccounts().size());
        return reference;
    }

    private static Map<String, String> names(List<String> items) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : items) {
            try {
                JsonNode node = JSON.readTree(item);
                out.put(node.path("id").asText(), node.path("displayed_as").asText(""));
            } catch (IOException e) {
                throw new SageApiException(SageCallException.Kind.HTTP, "GET", "reference", 200,
                        List.of(), null, null, e);
            }
        }
        return out;
    }

    /** {@code GET /businesses} with the fresh token; the one endpoint that needs no {@code X-Business}. */
    private Map<String, String> businesses(String accessToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(trim(config.sageBaseUrl()) + "/businesses"))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AdminException("businesses_failed", "Sage answered " + response.statusCode()
                        + " to GET /businesses; try sage_connect_start again");
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (JsonNode b : JSON.readTree(response.body()).path("$items")) {
                out.put(b.path("id").asText(), b.path("displayed_as").asText(b.path("name").asText("")));
            }
            return out;
        } catch (IOException e) {
            throw new AdminException("businesses_failed", "could not list Sage businesses ("
                    + e.getClass().getSimpleName() + "); try again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminException("businesses_failed", "interrupted", e);
        }
    }

    private static String choose(Map<String, String> businesses, String requested) {
        if (requested != null) {
            if (!businesses.containsKey(requested)) {
                throw new AdminException("unknown_business", "business_id " + requested + " is not accessible "
                        + "with this Sage login; choose one of: " + describe(businesses));
            }
            return requested;
        }
        if (businesses.isEmpty()) {
            throw new AdminException("no_business", "this Sage login has no business");
        }
        return businesses.size() == 1 ? businesses.keySet().iterator().next() : null;
    }

    private static String describe(Map<String, String> businesses) {
        return businesses.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    private void revokeQuietly(String refreshToken) {
        try {
            oauth.revoke(refreshToken);
        } catch (SageOAuthException e) {
            LOG.warn("sage revoke failed", "error", e.error(), "status", e.status());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String trim(String url) {
        String s = url.strip();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
