package io.sagesync.port;

/**
 * The webhook body is not the documented id-only shape. The code is a short machine-readable word (e.g.
 * {@code magento_entity_id_missing}) that may go into the 400 answer; never the body itself.
 */
public final class InvalidWebhookBodyException extends RuntimeException {
    private final String code;

    public InvalidWebhookBodyException(String code) {
        super(code, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
