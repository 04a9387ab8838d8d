package io.sagesync.simulator.magento;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The pairing state (tenant id, master api key, ledger base URL) and {@code POST setup/pair}: a one-time code from
 * the admin button, kept only as its hash, valid for 30 minutes, compared in constant time.
 */
final class PairingResource {
    private static final Pattern HTTP_URL = Pattern.compile("^https?://[^/]+");
    private static final long PAIRING_TTL_SECONDS = 1800;

    private final Clock clock;
    private final Random random;
    private volatile String tenantId;
    private volatile String apiKey;
    private volatile String ledgerBaseUrl;
    private volatile String pairingCodeHash;
    private volatile Instant pairingCodeIssuedAt;

    PairingResource(Clock clock, Random random, String tenantId, String apiKey, String ledgerBaseUrl) {
        this.clock = clock;
        this.random = random;
        this.tenantId = tenantId;
        this.apiKey = apiKey;
        this.ledgerBaseUrl = ledgerBaseUrl;
    }

    String tenantId() {
        return tenantId;
    }

    String apiKey() {
        return apiKey;
    }

    String ledgerBaseUrl() {
        return ledgerBaseUrl;
    }

    /** The admin "Generate Pairing Code" button: 32 lowercase hex chars, only the hash is kept. */
    String generatePairingCode() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String code = HexFormat.of().formatHex(bytes);
        pairingCodeHash = sha256Hex(code);
        pairingCodeIssuedAt = clock.instant();
        return code;
    }

    void pair(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode json = MagentoHttp.parseObject(body);
        if (json == null) {
            MagentoHttp.send(exchange, 400, MagentoHttp.DECODING_ERROR_JSON);
            return;
        }
        String[][] params = {{"pairing_code", "pairingCode"}, {"tenant_id", "tenantId"},
                {"byte8_api_key", "byte8ApiKey"}, {"ledger_base_url", "ledgerBaseUrl"}};
        String[] values = new String[params.length];
        for (int i = 0; i < params.length; i++) {
            values[i] = MagentoHttp.param(json, params[i][0], params[i][1]);
            if (values[i] == null) {
                MagentoHttp.send(exchange, 400, MagentoHttp.requiredFieldJson(params[i][1]));
                return;
            }
            values[i] = values[i].trim();
        }
        String code = values[0];
        String newTenant = values[1];
        String newKey = values[2];
        String newBase = values[3];
        if (code.isEmpty() || newTenant.isEmpty() || newKey.isEmpty() || newBase.isEmpty()) {
            MagentoHttp.send(exchange, 400, "{\"message\":\"pairing_code, tenant_id, byte8_api_key and "
                    + "ledger_base_url are all required.\"}");
            return;
        }
        if (!HTTP_URL.matcher(newBase).find()) {
            MagentoHttp.send(exchange, 400, "{\"message\":\"ledger_base_url must be an absolute http(s) URL.\"}");
            return;
        }
        synchronized (this) {
            String hash = pairingCodeHash;
            Instant issuedAt = pairingCodeIssuedAt;
            boolean valid = hash != null && issuedAt != null
                    && clock.instant().getEpochSecond() - issuedAt.getEpochSecond() <= PAIRING_TTL_SECONDS
                    && MessageDigest.isEqual(ascii(hash), ascii(sha256Hex(code)));
            if (!valid) {
                MagentoHttp.send(exchange, 401, "{\"message\":\"Invalid or expired pairing code.\"}");
                return;
            }
            tenantId = newTenant;
            apiKey = newKey;
            ledgerBaseUrl = newBase.replaceAll("/+$", "");
            pairingCodeHash = null;
            pairingCodeIssuedAt = null;
        }
        MagentoHttp.send(exchange, 200, "[]");
    }

    static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
