package io.sagesync.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One sync-state mirror row pushed back to Magento ({@code POST /rest/V1/byte8/sync-state}, wire contract §e): the
 * terminal outcome of syncing one Magento entity, which Magento shows as a chip on its admin grids.
 *
 * <p>Magento stores every string in a {@code varchar(64)} column and runs MySQL in strict mode on many hosts, where a
 * longer value fails the whole insert. So every string is <b>truncated to {@value #MAX_LENGTH} characters</b> (Unicode
 * code points, never splitting a surrogate pair) here, once, instead of trusting each caller. Truncation loses only
 * the tail of a diagnostic code or reference, which is better than losing the row.
 *
 * @param entityType       the Magento entity kind (the mirror row key)
 * @param magentoEntityId  the Magento entity id, positive
 * @param provider         the provider name; {@value #SAGE_PROVIDER} for sagesync
 * @param syncStatus       synced, skipped or failed; Magento rejects {@code pending} so it cannot be expressed here
 * @param providerEntityId Sage's id of the document, or null
 * @param providerReference Sage's reference / number (e.g. {@code SI-27}), or null
 * @param skipReason       the skip reason code for skipped outcomes, or null
 * @param errorCode        the error class for failed outcomes (e.g. {@code validation}), or null
 * @param lastSyncAt       when the outcome was decided; the adapter sends it as {@code YYYY-MM-DD HH:MM:SS} UTC
 */
public record SyncStateUpdate(EntityType entityType, long magentoEntityId, String provider, SyncStatus syncStatus,
                              String providerEntityId, String providerReference, String skipReason, String errorCode,
                              Instant lastSyncAt) {

    /** Longest string Magento's {@code byte8_entity_sync_state} columns hold. */
    public static final int MAX_LENGTH = 64;

    /** The provider name Byte8's Sage integration uses in the mirror table. */
    public static final String SAGE_PROVIDER = "sage_accounting";

    /** Terminal statuses Magento accepts on the callback ({@code pending} is written by Magento only). */
    public enum SyncStatus {
        SYNCED,
        SKIPPED,
        FAILED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public SyncStateUpdate {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(syncStatus, "syncStatus");
        Objects.requireNonNull(lastSyncAt, "lastSyncAt");
        if (magentoEntityId <= 0) {
            throw new IllegalArgumentException("magento_entity_id must be positive");
        }
        if (provider == null || provider.isBlank()) {
            throw new IllegalArgumentException("provider must not be blank");
        }
        provider = truncate(provider);
        providerEntityId = truncate(providerEntityId);
        providerReference = truncate(providerReference);
        skipReason = truncate(skipReason);
        errorCode = truncate(errorCode);
    }

    /** A successful sync into Sage. */
    public static SyncStateUpdate synced(EntityType type, long magentoEntityId, String sageId, String sageReference,
                                         Instant at) {
        return new SyncStateUpdate(type, magentoEntityId, SAGE_PROVIDER, SyncStatus.SYNCED, sageId, sageReference,
                null, null, at);
    }

    /** A deliberate skip, e.g. {@code payment_method_not_mapped}. */
    public static SyncStateUpdate skipped(EntityType type, long magentoEntityId, String skipReason, Instant at) {
        return new SyncStateUpdate(type, magentoEntityId, SAGE_PROVIDER, SyncStatus.SKIPPED, null, null, skipReason,
                null, at);
    }

    /** A failure; Magento shows the error class on the Failed chip. */
    public static SyncStateUpdate failed(EntityType type, long magentoEntityId, ErrorClass errorClass, Instant at) {
        return new SyncStateUpdate(type, magentoEntityId, SAGE_PROVIDER, SyncStatus.FAILED, null, null, null,
                Objects.requireNonNull(errorClass, "errorClass").wireName(), at);
    }

    /** Cuts {@code s} to at most {@link #MAX_LENGTH} code points; null stays null. */
    static String truncate(String s) {
        if (s == null || s.codePointCount(0, s.length()) <= MAX_LENGTH) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, MAX_LENGTH));
    }
}
