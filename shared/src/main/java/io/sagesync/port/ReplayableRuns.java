package io.sagesync.port;

import io.sagesync.domain.ReplayFilter;
import io.sagesync.domain.SyncRun;
import java.util.List;

/**
 * The run store as the operator's replay sees it. Throws {@link InfrastructureException} when the store is
 * unavailable.
 */
public interface ReplayableRuns {

    /** Finished runs matching {@code filter} that no replay has claimed yet, oldest first. */
    List<SyncRun> find(ReplayFilter filter);

    /**
     * Records on {@code runId} that it was replayed as {@code replayRunId}, so later replays leave it alone.
     *
     * @return false when an earlier replay already recorded one
     */
    boolean markReplayed(String runId, String replayRunId);
}
