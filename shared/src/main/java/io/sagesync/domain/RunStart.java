package io.sagesync.domain;

/**
 * A run the worker has just moved to {@code running}.
 *
 * @param run            the run as stored after the start
 * @param attemptInCycle 1 for the first attempt since the run was queued or last failed; the retry budget counts
 *                       these, so an operator's redrive of a failed run gets a full budget again
 */
public record RunStart(SyncRun run, int attemptInCycle) {
}
