package io.sagesync.domain;

import java.util.Objects;

/**
 * One cross-reference to a Sage record.
 *
 * @param sageId        Sage's id
 * @param sageReference Sage's reference or number, may be null
 * @param syncedState   may be null: what the use case that wrote it last put into Sage, in its own words (a product's
 *                      content fingerprint and stock level, a contact's fingerprint), so a repeated event with
 *                      nothing new causes no Sage write at all
 */
public record Xref(String sageId, String sageReference, String syncedState) {
    public Xref {
        Objects.requireNonNull(sageId, "sageId");
    }

    /** A cross-reference without synced state (invoices, credit notes, newly bound contacts). */
    public Xref(String sageId, String sageReference) {
        this(sageId, sageReference, null);
    }

    /** The same record with another synced state. */
    public Xref withSyncedState(String state) {
        return new Xref(sageId, sageReference, state);
    }

    /** Invoice cross-reference key, {@code invoice:<magento id>}. */
    public static String invoiceKey(long magentoInvoiceId) {
        return "invoice:" + magentoInvoiceId;
    }
}
