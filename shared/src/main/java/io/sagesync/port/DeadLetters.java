package io.sagesync.port;

import io.sagesync.domain.SyncJob;
import java.util.List;

/** The sync dead-letter queue, for the operator's Redrive. Throws {@link InfrastructureException}. */
public interface DeadLetters {
    /** How many jobs {@link #head} shows at most: a FIFO queue lets a reader see only the head of its group. */
    int HEAD = 10;

    /** Approximate number of jobs waiting in the dead-letter queue. */
    int waiting();

    /** Moves up to {@code max} jobs back to the sync queue (each is sent before it is deleted: never lost). */
    int redrive(int max);

    /**
     * The jobs at the head of the queue, oldest first, at most {@link #HEAD}; they stay where they are. Jobs whose
     * body cannot be read are left out (they are still moved by {@link #redrive}).
     */
    List<SyncJob> head();

    /**
     * Moves the jobs of one run found at the head of the queue back to the sync queue (sent before deleted); every
     * other job stays.
     *
     * @return how many were moved: 0 when none of the run's jobs is at the head
     */
    int redriveRun(String runId);
}
