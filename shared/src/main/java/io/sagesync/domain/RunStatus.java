package io.sagesync.domain;

/**
 * Life cycle of a sync run: {@code queued → running → succeeded | skipped | failed}. A failed run may be queued
 * again (a merchant's re-fire, or an operator's DLQ redrive).
 */
public enum RunStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    SKIPPED,
    FAILED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == SKIPPED || this == FAILED;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static RunStatus fromWire(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
