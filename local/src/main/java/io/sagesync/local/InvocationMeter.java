package io.sagesync.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts each local function's invocations and the time spent inside its handler, which is what Lambda bills
 * (requests, and duration × memory in GB-seconds), so a benchmark can put a price on a run.
 */
final class InvocationMeter {
    /** One function's invocations and summed handler time; {@code billedMillis} rounds each up to 1 ms, as Lambda. */
    record Totals(long invocations, long billedMillis) {
        /** GB-seconds at {@code memoryMb}. */
        double gbSeconds(int memoryMb) {
            return billedMillis / 1000.0 * memoryMb / 1024.0;
        }
    }

    private record Counters(LongAdder invocations, LongAdder billedMillis) {
    }

    private final Map<String, Counters> byFunction = new ConcurrentHashMap<>();

    /** {@code handler}, counted under {@code function}; a thrown exception counts too (Lambda bills it). */
    <I, O> RequestHandler<I, O> wrap(String function, RequestHandler<I, O> handler) {
        Counters c = byFunction.computeIfAbsent(function, f -> new Counters(new LongAdder(), new LongAdder()));
        return (I input, Context context) -> {
            long start = System.nanoTime();
            try {
                return handler.handleRequest(input, context);
            } finally {
                long nanos = System.nanoTime() - start;
                c.invocations().increment();
                c.billedMillis().add(Math.max(1, (nanos + 999_999) / 1_000_000));
            }
        };
    }

    /** Totals per function so far, by name. */
    Map<String, Totals> snapshot() {
        Map<String, Totals> out = new TreeMap<>();
        byFunction.forEach((f, c) -> out.put(f, new Totals(c.invocations().sum(), c.billedMillis().sum())));
        return out;
    }

    /** What happened between two snapshots (functions absent from {@code before} count from zero). */
    static Map<String, Totals> between(Map<String, Totals> before, Map<String, Totals> after) {
        Map<String, Totals> out = new TreeMap<>();
        after.forEach((f, t) -> {
            Totals b = before.getOrDefault(f, new Totals(0, 0));
            out.put(f, new Totals(t.invocations() - b.invocations(), t.billedMillis() - b.billedMillis()));
        });
        return out;
    }

    /** The handler time of a function so far (for logs). */
    Duration busy(String function) {
        Totals t = snapshot().get(function);
        return t == null ? Duration.ZERO : Duration.ofMillis(t.billedMillis());
    }
}
