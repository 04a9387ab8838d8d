package io.sagesync.domain.sage;

import io.sagesync.domain.EntityType;
import io.sagesync.domain.EventName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic Sage {@code idempotency_id}s (32 lowercase hex). Same inputs → same id, so a retried POST within
 * Sage's 7-day window replays the first result instead of creating a duplicate. The id is the first 128 bits of
 * SHA-256 over {@code tenant|entity|id|event}.
 */
public final class IdempotencyIds {
    private IdempotencyIds() {
    }

    /** Id for posting the Sage document created for one Magento entity event. */
    public static String of(String tenantId, EntityType entityType, long magentoId, EventName event) {
        return of(tenantId, entityType.wireName(), Long.toString(magentoId), event.wireName());
    }

    /**
     * Generic form, e.g. {@code of(tenant, "contact", "M5:EUR", "create")} for per-currency contacts.
     */
    public static String of(String tenantId, String entityKind, String entityKey, String event) {
        String material = tenantId + "|" + entityKind + "|" + entityKey + "|" + event;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JVM", e);
        }
    }
}
