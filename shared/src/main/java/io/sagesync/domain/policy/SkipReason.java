package io.sagesync.domain.policy;

/** Why the policy skipped an entity; {@link #code()} is what lands in the run's {@code error_code}. */
public enum SkipReason {
    UNPAID_INVOICE_NOT_SYNCED("unpaid_invoice_not_synced"),
    ZERO_VALUE_INVOICE("zero_value_invoice"),
    OUTSIDE_SYNC_SINCE("outside_sync_since"),
    WEBSITE_FILTERED("website_filtered"),
    STORE_FILTERED("store_filtered");

    private final String code;

    SkipReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
