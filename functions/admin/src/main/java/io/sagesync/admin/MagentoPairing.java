package io.sagesync.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagesync.adapter.magento.HttpMagentoGateway;
import io.sagesync.log.JsonLog;
import io.sagesync.port.MagentoCallException;
import io.sagesync.security.LedgerTokenSigner;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Pairs the stack with a Magento shop (wire contract §b "Pairing handshake"): mints a 256-bit api_key, stages it in
 * the TenantSecret, hands it to Magento's anonymous {@code setup/pair} with the merchant's one-time code, promotes it
 * once Magento accepted it, and proves the channel with {@code GET ping} signed by the new key. Re-pairing is the
 * same call with a fresh code and rotates the key.
 */
final class MagentoPairing {
    /** Plain http is only acceptable to a shop on this machine (simulators, docker); anything else must be https. */
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final JsonLog LOG = JsonLog.of(MagentoPairing.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the operator sees: the shop host and whether the ping proved the channel. */
    record Result(String shopUrl, boolean pingOk, String pingMessage) {
    }

    private final HttpClient http;
    private final SecretsManagerTenantKeyVault vault;
    private final LedgerTokenSigner signer;
    private final String tenantId;
    private final String defaultLedgerBaseUrl;
    private final Random random;
    private final Supplier<String> versionIds;
    private final Duration timeout;

    MagentoPairing(HttpClient http, SecretsManagerTenantKeyVault vault, LedgerTokenSigner signer, String tenantId,
                   String defaultLedgerBaseUrl, Random random, Supplier<String> versionIds, Duration timeout) {
        this.http = Objects.requireNonNull(http);
        this.vault = Objects.requireNonNull(vault);
        this.signer = Objects.requireNonNull(signer);
        this.tenantId = Objects.requireNonNull(tenantId);
        this.defaultLedgerBaseUrl = defaultLedgerBaseUrl == null ? "" : defaultLedgerBaseUrl;
        this.random = Objects.requireNonNull(random);
        this.versionIds = Objects.requireNonNull(versionIds);
        this.timeout = Objects.requireNonNull(timeout);
    }

    Result pair(String shopUrlInput, String pairingCodeInput, String ledgerBaseUrlInput) {
        String shopUrl = normaliseUrl(shopUrlInput, "shop_url");
        String ledgerBaseUrl = normaliseUrl(ledgerBaseUrlInput == null || ledgerBaseUrlInput.isBlank()
                ? defaultLedgerBaseUrl : ledgerBaseUrlInput, "ledger_base_url");
        // Magento hashes the code case-sensitively and shows it lower-case; people paste it with spaces or caps.
        String code = pairingCodeInput == null ? "" : pairingCodeInput.strip().toLowerCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw new AdminException("missing_pairing_code",
                    "pairing_code is required: generate one in Magento "
                            + "(Byte8 Sage Accounting > Generate Pairing Code)");
        }
        String apiKey = mintApiKey();
        vault.stagePending(apiKey, shopUrl, versionIds.get());
        postPair(shopUrl, code, apiKey, ledgerBaseUrl);
        vault.promote(apiKey, shopUrl, versionIds.get());
        LOG.info("magento paired", "shop_host", URI.create(shopUrl).getHost());
        return ping(shopUrl, apiKey);
    }

    /** 32 bytes from the injected (production: SecureRandom) source, hex: 64 printable chars Magento uses as-is. */
    private String mintApiKey() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private void postPair(String shopUrl, String code, String apiKey, String ledgerBaseUrl) {
        String body = JSON.createObjectNode().put("pairing_code", code).put("tenant_id", tenantId)
                .put("byte8_api_key", apiKey).put("ledger_base_url", ledgerBaseUrl).toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(shopUrl + "/rest/V1/byte8/setup/pair"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        String host = URI.create(shopUrl).getHost();
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new AdminException("shop_unreachable", "the shop at " + host + " did not answer within "
                    + timeout.toSeconds() + " s; check shop_url and that the shop is online", e);
        } catch (IOException e) {
            throw new AdminException("shop_unreachable", "could not reach the shop at " + host + " ("
                    + e.getClass().getSimpleName() + "); check shop_url (DNS, https) and that the shop is online", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminException("shop_unreachable", "pairing interrupted", e);
        }
        int status = response.statusCode();
        LOG.info("magento pair call", "status", status);
        if (status == 200) {
            return;
        }
        if (status == 401) {
            throw new AdminException("invalid_pairing_code", "Magento refused the pairing code: it is wrong, was "
                    + "already used, or is older than 30 minutes. Generate a new code in Magento and run pair again. "
                    + "The previous api_key is unchanged.");
        }
        if (status == 404) {
            throw new AdminException("pairing_endpoint_missing", "the shop at " + host + " has no "
                    + "/rest/V1/byte8/setup/pair route: is the Byte8 Sage Accounting module installed and enabled, "
                    + "and is shop_url the Magento base URL?");
        }
        String text = magentoMessage(response.body());
        throw new AdminException("pairing_rejected", "Magento answered " + status + " to pairing"
                + ": " + text + ". The previous api_key is unchanged.");
    }

    private Result ping(String shopUrl, String apiKey) {
        byte[] key = apiKey.getBytes(StandardCharsets.UTF_8);
        HttpMagentoGateway gateway = new HttpMagentoGateway(http, shopUrl, () -> signer.sign(key, tenantId), timeout);
        try {
            gateway.ping();
            return new Result(shopUrl, true, "ping ok");
        } catch (MagentoCallException e) {
            // Magento already holds the new key, so it stays current; the operator learns why the ping failed.
            LOG.warn("magento ping after pairing failed", "status", e.httpStatus(), "kind", e.kind().name());
            String hint = e.kind() == MagentoCallException.Kind.AUTH ? " (check the shop's clock and the tenant id)" : "";
            return new Result(shopUrl, false, "paired, but the signed ping failed: " + e.getMessage() + hint);
        }
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

    static String normaliseUrl(String input, String field) {
        if (input == null || input.isBlank()) {
            throw new AdminException("bad_url", field + " is required, e.g. https://shop.example.com");
        }
        String s = input.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new AdminException("bad_url", field + " is not a valid URL; use e.g. https://shop.example.com");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || !(scheme.equals("https") || scheme.equals("http") && LOCAL_HOSTS.contains(host))) {
            throw new AdminException("bad_url", field + " must be an absolute https:// URL such as "
                    + "https://shop.example.com (plain http only for localhost)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new AdminException("bad_url", field + " must not contain credentials, a query or a fragment");
        }
        return s;
    }
}
