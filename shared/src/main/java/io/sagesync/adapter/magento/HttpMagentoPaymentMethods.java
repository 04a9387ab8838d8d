package io.sagesync.adapter.magento;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.domain.MagentoPaymentMethod;
import io.sagesync.port.MagentoCallException;
import io.sagesync.port.MagentoPaymentMethods;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code GET {shop}/rest/V1/byte8/payment-methods} with a fresh inbound JWT: a JSON list of
 * {@code {"code","label","is_active"}}. A 404 means an older module without the route: no methods, not an error.
 */
public final class HttpMagentoPaymentMethods implements MagentoPaymentMethods {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Supplier<String> shopUrl;
    private final Supplier<String> bearerToken;
    private final Duration timeout;

    public HttpMagentoPaymentMethods(HttpClient http, Supplier<String> shopUrl, Supplier<String> bearerToken,
                                     Duration timeout) {
        this.http = http;
        this.shopUrl = shopUrl;
        this.bearerToken = bearerToken;
        this.timeout = timeout;
    }

    @Override
    public List<MagentoPaymentMethod> list() {
        String base = shopUrl.get();
        if (base == null || base.isBlank()) {
            return List.of();
        }
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(base + "/rest/V1/byte8/payment-methods"))
                    .timeout(timeout).header("Authorization", "Bearer " + bearerToken.get())
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new MagentoCallException(MagentoCallException.Kind.TRANSIENT, 0, "payment methods: "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MagentoCallException(MagentoCallException.Kind.TRANSIENT, 0, "payment methods: interrupted");
        }
        int status = response.statusCode();
        if (status == 404) {
            return List.of();
        }
        if (status / 100 != 2) {
            var kind = status == 401 || status == 403 ? MagentoCallException.Kind.AUTH
                    : MagentoCallException.Kind.TRANSIENT;
            throw new MagentoCallException(kind, status, "payment methods: HTTP " + status);
        }
        try {
            List<MagentoPaymentMethod> out = new ArrayList<>();
            for (JsonNode m : JSON.readTree(response.body())) {
                if (m.path("code").isTextual()) {
                    out.add(new MagentoPaymentMethod(m.get("code").asText(),
                            m.path("label").isTextual() ? m.get("label").asText() : null,
                            m.path("is_active").asBoolean(false)));
                }
            }
            return out;
        } catch (IOException e) {
            throw new MagentoCallException(MagentoCallException.Kind.REJECTED, status, "payment methods: not JSON");
        }
    }
}
