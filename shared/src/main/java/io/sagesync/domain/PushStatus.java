package io.sagesync.domain;

/** How the latest sync-state push of a run ended, recorded on the run as {@code push_status}. */
public enum PushStatus {
    /** Magento answered 2xx: the chip shows the outcome. */
    DELIVERED,
    /** Magento answered 400 (or another non-retryable 4xx): recorded, never retried. */
    REJECTED,
    /** Magento answered 401/403: recorded, binding flagged {@code token_revoked}, not retried. */
    UNAUTHORIZED,
    /** Magento was down or slow (5xx, timeout): the push will be retried with backoff, then dead-lettered. */
    RETRYING,
    /** A newer outcome for the same mirror row was already delivered; this older one was dropped. */
    SUPERSEDED,
    /** The store was disconnected in Magento: nothing is pushed until it is paired again. */
    DISCONNECTED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
