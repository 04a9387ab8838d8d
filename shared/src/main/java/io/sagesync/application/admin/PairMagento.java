package io.sagesync.application.admin;

import io.sagesync.domain.BindingState;
import io.sagesync.log.JsonLog;
import io.sagesync.port.BindingStore;
import io.sagesync.port.MagentoCallException;
import io.sagesync.port.MagentoPairingClient;
import io.sagesync.port.TenantKeyVault;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Pairs the stack with a Magento shop (wire contract §b "Pairing handshake"): mints a 256-bit api_key, stages it in
 * the tenant's key vault, hands it to Magento with the merchant's one-time code, makes it current once Magento
 * accepted it, and proves the channel with a ping signed by the new key. Re-pairing is the same call with a fresh
 * code and rotates the key.
 */
public final class PairMagento {
    /** Plain http is only acceptable to a shop on this machine (simulators, docker); anything else must be https. */
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final JsonLog LOG = JsonLog.of(PairMagento.class);

    /** What the operator sees: the shop URL and whether the ping proved the channel. */
    public record Result(String shopUrl, boolean pingOk, String pingMessage) {
    }

    private final TenantKeyVault vault;
    private final MagentoPairingClient shop;
    private final BindingStore binding;
    private final String defaultLedgerBaseUrl;
    private final Random random;
    private final Supplier<String> versionIds;

    /**
     * @param defaultLedgerBaseUrl the stack's API URL given to Magento; empty when the operator must pass it
     * @param random               source of api keys: a {@code SecureRandom} in production
     * @param versionIds           unique secret version ids
     */
    public PairMagento(TenantKeyVault vault, MagentoPairingClient shop, BindingStore binding,
                       String defaultLedgerBaseUrl, Random random, Supplier<String> versionIds) {
        this.vault = Objects.requireNonNull(vault);
        this.shop = Objects.requireNonNull(shop);
        this.binding = Objects.requireNonNull(binding);
        this.defaultLedgerBaseUrl = defaultLedgerBaseUrl == null ? "" : defaultLedgerBaseUrl;
        this.random = Objects.requireNonNull(random);
        this.versionIds = Objects.requireNonNull(versionIds);
    }

    public Result pair(String shopUrlInput, String pairingCodeInput, String ledgerBaseUrlInput) {
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
        handOver(shopUrl, code, apiKey, ledgerBaseUrl);
        vault.promote(apiKey, shopUrl, versionIds.get());
        // pairing again is how a store disconnected in Magento (or whose token was revoked) comes back
        binding.flagMagento(BindingState.ACTIVE, "paired with " + URI.create(shopUrl).getHost());
        LOG.info("magento paired", "shop_host", URI.create(shopUrl).getHost());
        return ping(shopUrl, apiKey);
    }

    /** 32 bytes from the injected (production: SecureRandom) source, hex: 64 printable chars Magento uses as-is. */
    private String mintApiKey() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private void handOver(String shopUrl, String code, String apiKey, String ledgerBaseUrl) {
        try {
            shop.pair(shopUrl, code, apiKey, ledgerBaseUrl);
        } catch (MagentoCallException e) {
            throw refusal(URI.create(shopUrl).getHost(), e);
        }
    }

    private static AdminException refusal(String host, MagentoCallException e) {
        int status = e.httpStatus();
        if (status == 0) {
            return switch (String.valueOf(e.detail())) {
                case MagentoPairingClient.TIMEOUT -> new AdminException("shop_unreachable", e.getMessage()
                        + "; check shop_url and that the shop is online", e);
                case MagentoPairingClient.INTERRUPTED -> new AdminException("shop_unreachable",
                        "pairing interrupted", e);
                default -> new AdminException("shop_unreachable", e.getMessage()
                        + "; check shop_url (DNS, https) and that the shop is online", e);
            };
        }
        if (status == 401) {
            return new AdminException("invalid_pairing_code", "Magento refused the pairing code: it is wrong, was "
                    + "already used, or is older than 30 minutes. Generate a new code in Magento and run pair again. "
                    + "The previous api_key is unchanged.");
        }
        if (status == 404) {
            return new AdminException("pairing_endpoint_missing", "the shop at " + host + " has no "
                    + "/rest/V1/byte8/setup/pair route: is the Byte8 Sage Accounting module installed and enabled, "
                    + "and is shop_url the Magento base URL?");
        }
        return new AdminException("pairing_rejected", "Magento answered " + status + " to pairing: " + e.detail()
                + ". The previous api_key is unchanged.");
    }

    private Result ping(String shopUrl, String apiKey) {
        try {
            shop.ping(shopUrl, apiKey);
            return new Result(shopUrl, true, "ping ok");
        } catch (MagentoCallException e) {
            // Magento already holds the new key, so it stays current; the operator learns why the ping failed.
            LOG.warn("magento ping after pairing failed", "status", e.httpStatus(), "kind", e.kind().name());
            String hint = e.kind() == MagentoCallException.Kind.AUTH ? " (check the shop's clock and the tenant id)"
                    : "";
            return new Result(shopUrl, false, "paired, but the signed ping failed: " + e.getMessage() + hint);
        }
    }

    /** An absolute https URL (http only for this machine) without trailing slashes, credentials, query or fragment. */
    public static String normaliseUrl(String input, String field) {
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
