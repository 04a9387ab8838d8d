package io.sagesync.port;

/** The sync dead-letter queue, for the operator's Redrive. Throws {@link InfrastructureException}. */
public interface DeadLetters {
    /** Approximate number of jobs waiting in the dead-letter queue. */
    int waiting();

    /** Moves up to {@code max} jobs back to the sync queue (each is sent before it is deleted: never lost). */
    int redrive(int max);
}
