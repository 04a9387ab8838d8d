package io.sagesync.simulator.magento;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * The module's own calls into the ledger besides webhooks (wire contract §b, "Other chassis endpoints"), as the
 * module makes them: a fresh outbound JWT per request (signed here with plain JCE, independent of sagesync's
 * verifier), {@code Accept: application/json}, the disconnect body {@code {}} with
 * {@code Idempotency-Key: disconnect:<sha1(tenant_id)>}, 5 s connect / 15 s total timeouts, no redirects. Also the
 * module's reading of the health JSON into the tile text the merchant sees.
 */
public final class ModuleLedgerCalls {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status and the body as text (and as JSON when it parses). */
    public record Reply(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body.isEmpty() ? "null" : body);
            } catch (IOException e) {
                return JSON.missingNode();
            }
        }
    }

    private final String ledgerBaseUrl;
    private final String tenantId;
    private final String apiKey;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public ModuleLedgerCalls(String ledgerBaseUrl, String tenantId, String apiKey, Clock clock) {
        this.ledgerBaseUrl = ledgerBaseUrl.endsWith("/") ? ledgerBaseUrl.substring(0, ledgerBaseUrl.length() - 1)
                : ledgerBaseUrl;
        this.tenantId = tenantId;
        this.apiKey = apiKey;
        this.clock = clock;
    }

    /** {@code GET {base}/v1/tile/health}. */
    public Reply tileHealth() {
        return send(request("/v1/tile/health").GET().build());
    }

    /** {@code GET {base}/v1/status?entity_type=…&entity_id=…} ({@code fetchStatus}). */
    public Reply status(String entityType, long entityId) {
        return send(request("/v1/status?entity_type=" + URLEncoder.encode(entityType, StandardCharsets.UTF_8)
                + "&entity_id=" + entityId).GET().build());
    }

    /** {@code POST {base}/v1/tenant/disconnect}, body {@code {}}. */
    public Reply disconnect() {
        return send(request("/v1/tenant/disconnect").header("Content-Type", "application/json")
                .header("Idempotency-Key", "disconnect:" + sha1(tenantId))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    }

    /** What the dashboard tile and the config page say for a health reply (errors: "Ledger unreachable"). */
    public static String tileText(Reply reply) {
        if (reply.status() < 200 || reply.status() >= 300) {
            return "Ledger unreachable";
        }
        JsonNode h = reply.json();
        String magento = h.path("tenant").path("magento_connection_status").asText("");
        String binding = h.path("binding").path("status").asText("");
        if (magento.equals("token_revoked")) {
            return "re-pair required";
        }
        if (magento.isEmpty() || magento.equals("pending")) {
            return "Waiting for ledger";
        }
        if (magento.equals("active") && binding.equals("active")) {
            return "Connected to Sage (" + h.path("binding").path("region").asText("").toUpperCase(Locale.ROOT) + ")";
        }
        return "Sage not connected yet";
    }

    /** The tile colour: red when anything failed in 24 h or the binding is not active, amber when work is pending. */
    public static String tileColour(Reply reply) {
        JsonNode h = reply.json();
        if (h.path("sync").path("failed_24h").asInt(0) > 0 || !h.path("binding").path("status").asText("")
                .equals("active")) {
            return "red";
        }
        return h.path("sync").path("pending_count").asInt(0) > 0 ? "amber" : "green";
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        String token = MagentoJwt.signOutbound(apiKey, tenantId, clock.instant(), UUID.randomUUID().toString());
        return HttpRequest.newBuilder(URI.create(ledgerBaseUrl + pathAndQuery)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Reply(0, "network error: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, "interrupted");
        }
    }

    private static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
