package io.sagesync.domain;

/**
 * The documented error classes (wire contract §e); a failed run carries exactly one, and it is what the merchant
 * sees on the Failed chip ({@code error_code}).
 */
public enum ErrorClass {
    AUTH,
    NOT_FOUND,
    VALIDATION,
    RATE_LIMITED,
    PROVIDER,
    HTTP,
    DATABASE,
    SERDE,
    INTERNAL;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
