package io.sagesync.simulator.magento;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test-set faults, queued per key (an entity type for GETs, {@link #SYNC_STATE} for sync-state POSTs). */
final class FaultQueues {
    /** Fault queue key for sync-state POSTs (not an entity type, so it never collides with GET faults). */
    static final String SYNC_STATE = "POST sync-state";

    /** An answer status ({@code 0}: answer normally) after an optional stall. */
    record Fault(int status, Duration delay) {
        boolean failsWithStatus() {
            return status != 0;
        }
    }

    private final Map<String, Deque<Fault>> queues = new ConcurrentHashMap<>();

    void enqueue(String key, int count, Fault fault) {
        Deque<Fault> queue = queues.computeIfAbsent(key, t -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < count; i++) {
                queue.addLast(fault);
            }
        }
    }

    /** The next fault for {@code key}, or null when none is queued. */
    Fault next(String key) {
        Deque<Fault> queue = queues.get(key);
        if (queue == null) {
            return null;
        }
        synchronized (queue) {
            return queue.pollFirst();
        }
    }
}
