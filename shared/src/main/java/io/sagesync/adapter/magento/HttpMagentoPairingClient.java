package io.sagesync.adapter.magento;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.adapter.http.CappedBody;
import io.sagesync.log.Log;
import io.sagesync.port.MagentoCallException;
import io.sagesync.port.MagentoPairingClient;
import io.sagesync.security.LedgerTokenSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link MagentoPairingClient} over HTTP: {@code POST /rest/V1/byte8/setup/pair} (anonymous; the pairing code is the
 * credential) and {@code GET ping} through {@link HttpMagentoGateway} with a JWT signed by the new key.
 */
public final class HttpMagentoPairingClient implements MagentoPairingClient {
    private static final Log LOG = Log.of(HttpMagentoPairingClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Pairing answers are a few bytes of JSON. */
    static final long MAX_BODY_BYTES = 64L * 1024;

    private final HttpClient http;
    private final LedgerTokenSigner signer;
    private final String tenantId;
    private final Duration timeout;

    public HttpMagentoPairingClient(HttpClient http, LedgerTokenSigner signer, String tenantId, Duration timeout) {
        this.http = Objects.requireNonNull(http);
        this.signer = Objects.requireNonNull(signer);
        this.tenantId = Objects.requireNonNull(tenantId);
        this.timeout = Objects.requireNonNull(timeout);
    }

    @Override
    public void pair(String shopUrl, String pairingCode, String apiKey, String ledgerBaseUrl) {
        String body = JSON.createObjectNode().put("pairing_code", pairingCode).put("tenant_id", tenantId)
                .put("byte8_api_key", apiKey).put("ledger_base_url", ledgerBaseUrl).toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(shopUrl + "/rest/V1/byte8/setup/pair"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        String host = URI.create(shopUrl).getHost();
        HttpResponse<String> response;
        try {
            // one total deadline and a capped body, like every call to the shop (HttpMagentoGateway)
            response = CappedBody.send(http, request, MAX_BODY_BYTES, timeout);
        } catch (CappedBody.TooLargeException e) {
            throw new MagentoCallException(MagentoCallException.Kind.REJECTED, 0, "answer too large",
                    "the shop at " + host + " answered pairing with more than " + MAX_BODY_BYTES + " bytes", e);
        } catch (HttpTimeoutException e) {
            throw new MagentoCallException(MagentoCallException.Kind.TRANSIENT, 0, TIMEOUT,
                    "the shop at " + host + " did not answer within " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new MagentoCallException(MagentoCallException.Kind.TRANSIENT, 0, UNREACHABLE,
                    "could not reach the shop at " + host + " (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MagentoCallException(MagentoCallException.Kind.TRANSIENT, 0, INTERRUPTED,
                    "pairing interrupted", e);
        }
        int status = response.statusCode();
        LOG.info("magento pair call", "status", status);
        if (status == 200) {
            return;
        }
        throw new MagentoCallException(HttpMagentoGateway.kindOf(status), status, magentoMessage(response.body()),
                "Magento answered " + status + " to pairing", null);
    }

    @Override
    public void ping(String shopUrl, String apiKey) {
        byte[] key = apiKey.getBytes(StandardCharsets.UTF_8);
        new HttpMagentoGateway(http, shopUrl, () -> signer.sign(key, tenantId), timeout).ping();
    }

    /** Magento's {@code message}, cleaned and cut, or a plain note when the error body carries none. */
    private static String magentoMessage(String body) {
        try {
            var message = JSON.readTree(body == null ? "" : body).path("message");
            if (!message.isTextual()) {
                return "no message in Magento's answer";
            }
            String text = message.asText().replaceAll("\\p{Cntrl}", " ").strip();
            return text.length() <= 200 ? text : text.substring(0, 200);
        } catch (IOException e) {
            return "Magento's answer is not JSON";
        }
    }
}
