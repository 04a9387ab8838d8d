package io.sagesync.simulator.magento;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
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
    private final Map<Integer, Integer> randomFaultCounts = new HashMap<>();
    private double randomFaultProbability;
    private Random randomFaultRandom;
    private int[] randomFaultStatuses = new int[0];

    void enqueue(String key, int count, Fault fault) {
        Deque<Fault> queue = queues.computeIfAbsent(key, t -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < count; i++) {
                queue.addLast(fault);
            }
        }
    }

    /** Chaos: until probability 0, an otherwise unfaulted call answers one of {@code statuses} with that chance. */
    void randomFaults(double probability, Random random, int... statuses) {
        synchronized (randomFaultCounts) {
            this.randomFaultProbability = probability;
            this.randomFaultRandom = random;
            this.randomFaultStatuses = statuses.clone();
        }
    }

    /** Random faults handed out so far, by status. */
    Map<Integer, Integer> randomFaultsInjected() {
        synchronized (randomFaultCounts) {
            return Map.copyOf(randomFaultCounts);
        }
    }

    /** The next queued fault for {@code key}, else a random one when chaos is on, else null. */
    Fault next(String key) {
        Deque<Fault> queue = queues.get(key);
        if (queue != null) {
            synchronized (queue) {
                Fault queued = queue.pollFirst();
                if (queued != null) {
                    return queued;
                }
            }
        }
        synchronized (randomFaultCounts) {
            if (randomFaultProbability <= 0 || randomFaultRandom.nextDouble() >= randomFaultProbability) {
                return null;
            }
            int status = randomFaultStatuses[randomFaultRandom.nextInt(randomFaultStatuses.length)];
            randomFaultCounts.merge(status, 1, Integer::sum);
            return new Fault(status, Duration.ZERO);
        }
    }
}
