package io.sagesync.domain;

/**
 * A run the worker has just moved to {@code running}.
 *
 * @param run            the run as stored after the start
 * @param attemptInCycle 1 for the first attempt since the run was queued or last failed; the retry budget counts
 *                       these, so an operator's redrive of a failed run gets a full budget again
 * @param reopened       the run was failed before this start (an operator's redrive that did not go through a
 *                       re-queue): it is pending again, which the run gauges must learn; a queued or running run
 *                       already counts as pending, so its start moves no gauge (one write fewer per job)
 */
public record RunStart(SyncRun run, int attemptInCycle, boolean reopened) {
}
