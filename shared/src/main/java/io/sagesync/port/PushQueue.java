package io.sagesync.port;

import io.sagesync.domain.PushJob;

/** The queue feeding the sync-state push function. */
public interface PushQueue {
    /**
     * @throws InfrastructureException if the queue did not accept the job
     */
    void enqueue(PushJob job);
}
