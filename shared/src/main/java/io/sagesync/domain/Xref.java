package io.sagesync.domain;

import java.util.Objects;

/**
 * One cross-reference to a Sage record.
 *
 * @param sageId        Sage's id
 * @param sageReference Sage's reference or number, may be null
 */
public record Xref(String sageId, String sageReference) {
    public Xref {
        Objects.requireNonNull(sageId, "sageId");
    }

    /** Invoice cross-reference key, {@code invoice:<magento id>}. */
    public static String invoiceKey(long magentoInvoiceId) {
        return "invoice:" + magentoInvoiceId;
    }
}
