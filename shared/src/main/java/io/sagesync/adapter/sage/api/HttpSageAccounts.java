package io.sagesync.adapter.sage.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.port.SageAccounts;
import io.sagesync.port.SageCallException;
import io.sagesync.port.SageReference;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@link SageAccounts} over Sage's API: {@code GET /businesses} with a given token, and the reference lists through
 * a {@link SageHttpClient} bound to the business (retries, paging, X-Business).
 */
public final class HttpSageAccounts implements SageAccounts {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final Duration BUSINESSES_TIMEOUT = Duration.ofSeconds(15);
    static final long BUSINESSES_MAX_BYTES = 1024L * 1024;

    private final String baseUrl;
    private final HttpClient http;
    private final Function<String, SageHttpClient> clientForBusiness;
    private final Clock clock;

    public HttpSageAccounts(String baseUrl, HttpClient http, Function<String, SageHttpClient> clientForBusiness,
                            Clock clock) {
        this.baseUrl = Objects.requireNonNull(baseUrl);
        this.http = Objects.requireNonNull(http);
        this.clientForBusiness = Objects.requireNonNull(clientForBusiness);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Map<String, String> businesses(String accessToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(trim(baseUrl) + "/businesses"))
                .timeout(BUSINESSES_TIMEOUT)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response;
        try {
            // one total deadline for the whole exchange and a capped body (a login lists a handful of businesses)
            response = io.sagesync.adapter.http.CappedBody.send(http, request, BUSINESSES_MAX_BYTES,
                    BUSINESSES_TIMEOUT);
        } catch (IOException e) {
            throw new SageCallException(SageCallException.Kind.PROVIDER, 0, e.getClass().getSimpleName(),
                    "Sage GET /businesses failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SageCallException(SageCallException.Kind.PROVIDER, 0, "interrupted",
                    "Sage GET /businesses interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new SageCallException(SageCallException.Kind.HTTP, response.statusCode(), null,
                    "Sage GET /businesses answered " + response.statusCode(), null);
        }
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (JsonNode b : JSON.readTree(response.body()).path("$items")) {
                out.put(b.path("id").asText(), b.path("displayed_as").asText(b.path("name").asText("")));
            }
        } catch (IOException e) {
            throw new SageCallException(SageCallException.Kind.HTTP, 0, e.getClass().getSimpleName(),
                    "Sage GET /businesses answered unreadable JSON", e);
        }
        return out;
    }

    @Override
    public SageReference fetchReference(String businessId) {
        SageHttpClient sage = clientForBusiness.apply(businessId);
        return new SageReference(businessId,
                names(sage.getAllPages("/tax_rates", Map.of())),
                names(sage.getAllPages("/ledger_accounts", Map.of("visible_in", "sales"))),
                names(sage.getAllPages("/ledger_accounts", Map.of("visible_in", "expenses"))),
                names(sage.getAllPages("/bank_accounts", Map.of())),
                clock.instant());
    }

    private static Map<String, String> names(List<String> items) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : items) {
            try {
                JsonNode node = JSON.readTree(item);
                out.put(node.path("id").asText(), node.path("displayed_as").asText(""));
            } catch (IOException e) {
                throw new SageApiException(SageCallException.Kind.HTTP, "GET", "reference", 200, List.of(), null,
                        null, e);
            }
        }
        return out;
    }

    private static String trim(String url) {
        String s = url.strip();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
