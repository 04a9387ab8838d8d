package io.sagesync.domain;

import java.time.Instant;

/**
 * The run figures Magento's dashboard tile shows, as maintained while runs change (never counted by a scan).
 *
 * @param pendingCount runs accepted but not finished (queued, running, waiting for a retry)
 * @param failed24h    runs whose latest outcome is {@code failed} and that failed within the last 24 hours
 * @param lastRunAt    when the latest run finished; null before the first one
 */
public record RunGauge(int pendingCount, int failed24h, Instant lastRunAt) {
    public static final RunGauge EMPTY = new RunGauge(0, 0, null);
}
