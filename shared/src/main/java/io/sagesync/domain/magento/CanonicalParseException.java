package io.sagesync.domain.magento;

import io.sagesync.domain.ErrorClass;

/**
 * A canonical body from Magento was malformed or lacked a required field. Always {@link ErrorClass#SERDE}: retrying
 * the same body cannot help. The message names the JSON path, never the value (values may be personal data).
 */
public final class CanonicalParseException extends RuntimeException {
    private final String path;

    public CanonicalParseException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    public CanonicalParseException(String path, String problem, Throwable cause) {
        super(path + ": " + problem, cause);
        this.path = path;
    }

    /** JSON path of the offending field, e.g. {@code lines[2].qty}. */
    public String path() {
        return path;
    }

    public ErrorClass errorClass() {
        return ErrorClass.SERDE;
    }
}
