package io.sagesync.port;

import io.sagesync.domain.SyncJob;

/** The queue feeding the sync worker. */
public interface SyncQueue {
    /**
     * Hands a job to the queue; returns only once the queue has accepted it.
     *
     * @throws InfrastructureException if the queue did not accept it
     */
    void enqueue(SyncJob job);
}
