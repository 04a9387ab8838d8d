package io.sagesync.port;

/**
 * The two calls pairing makes to a shop (wire contract §b): Magento's anonymous {@code setup/pair}, and a
 * {@code ping} signed with the new key. Both throw {@link MagentoCallException}: the HTTP status Magento answered
 * (0 when it did not answer) and, as {@link MagentoCallException#detail()}, Magento's cleaned message, or
 * {@value #TIMEOUT} / {@value #UNREACHABLE} / {@value #INTERRUPTED} when no answer arrived.
 */
public interface MagentoPairingClient {
    String TIMEOUT = "timeout";
    String UNREACHABLE = "unreachable";
    String INTERRUPTED = "interrupted";

    /** Hands Magento the new api_key with the merchant's one-time pairing code. */
    void pair(String shopUrl, String pairingCode, String apiKey, String ledgerBaseUrl);

    /** Proves the channel: {@code GET ping} signed with {@code apiKey}. */
    void ping(String shopUrl, String apiKey);
}
