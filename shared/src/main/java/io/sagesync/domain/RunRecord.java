package io.sagesync.domain;

import java.time.Instant;

/**
 * Everything the console shows about one run, read back from the run store (a read model: the worker writes runs
 * through {@code RunLifecycle}, never through this record).
 *
 * @param run      the run itself
 * @param timeline when it started and finished, and the sync-state push that followed
 * @param lastTry  the error of the latest transient failure while the run waited for a retry (may be null)
 * @param totalMismatch Sage's total differed from Magento's grand_total
 * @param totals   the posted document's money on both sides (null for runs that posted none, or older runs)
 * @param replayedAs the run id of this run's replay, once the operator replayed it (null before)
 */
public record RunRecord(SyncRun run, Timeline timeline, LastTry lastTry, boolean totalMismatch,
                        DocumentTotals totals, String replayedAs) {

    /** Without document totals or replay. */
    public RunRecord(SyncRun run, Timeline timeline, LastTry lastTry, boolean totalMismatch) {
        this(run, timeline, lastTry, totalMismatch, null, null);
    }

    /**
     * @param startedAt  latest attempt start (null before the first)
     * @param finishedAt latest terminal outcome (null while pending)
     * @param durationMs latest attempt's duration (null while pending)
     * @param pushStatus how the sync-state push to Magento ended (null before any)
     * @param pushedAt   when it was recorded
     */
    public record Timeline(Instant startedAt, Instant finishedAt, Long durationMs, String pushStatus,
                           Instant pushedAt) {
    }

    /** @param errorClass wire name of the error class; @param reason what went wrong */
    public record LastTry(String errorClass, String reason) {
    }
}
