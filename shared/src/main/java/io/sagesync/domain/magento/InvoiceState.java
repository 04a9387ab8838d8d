package io.sagesync.domain.magento;

/** Magento invoice state as the canonical spells it; anything unknown is treated as {@link #OPEN}. */
public enum InvoiceState {
    OPEN,
    PAID,
    CANCELLED;

    /** Lenient wire parsing: {@code open|paid|cancelled}, anything else (or null) is OPEN, as the module does. */
    public static InvoiceState fromWire(String s) {
        if ("paid".equals(s)) {
            return PAID;
        }
        if ("cancelled".equals(s)) {
            return CANCELLED;
        }
        return OPEN;
    }
}
