package io.sagesync.simulator.sage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Fault knobs for {@link SageSimulator}: make the next N matching requests fail the way Sage (or its gateway) does,
 * or slow every request down. Thread-safe; rules are consumed in the order they were added.
 *
 * <p>A rule matches on HTTP method ({@code null} or {@code "*"} = any) and a path prefix relative to the API base
 * (e.g. {@code "/sales_invoices"}) or, for OAuth, the server root (e.g. {@code "/oauth/token"}).
 */
public final class SageFaults {

    /** What a matched rule does. */
    public enum Kind {
        /** Answer 429 without touching state (optionally with {@code Retry-After}). */
        THROTTLE,
        /** Answer the given 5xx status without touching state. */
        FAIL,
        /** Process the request normally (the record IS created), then answer 500 instead of the real reply. */
        FAIL_AFTER_CREATE,
        /** Close the connection without an answer and without touching state. */
        DROP,
        /** Process the request normally (the record IS created), then close the connection without an answer. */
        DROP_AFTER_CREATE;

        boolean afterCreate() {
            return this == FAIL_AFTER_CREATE || this == DROP_AFTER_CREATE;
        }
    }

    /** A probabilistic rule: each matching request draws once and, with {@code probability}, gets one of kinds. */
    private record RandomRule(String method, String pathPrefix, double probability, java.util.Random random,
                              List<Kind> kinds) {
    }

    /** A consumed fault handed to the simulator. */
    record Fault(Kind kind, int status, Duration retryAfter) {
    }

    private static final class Rule {
        final String method;
        final String pathPrefix;
        final Fault fault;
        int remaining;

        Rule(String method, String pathPrefix, int count, Fault fault) {
            this.method = method == null || "*".equals(method) ? null : method.toUpperCase(Locale.ROOT);
            this.pathPrefix = Objects.requireNonNull(pathPrefix, "pathPrefix");
            this.remaining = count;
            this.fault = fault;
        }

        boolean matches(String requestMethod, String path) {
            return (method == null || method.equals(requestMethod)) && path.startsWith(pathPrefix);
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private final List<RandomRule> randomRules = new ArrayList<>();
    private final java.util.Map<Kind, Integer> injected = new java.util.EnumMap<>(Kind.class);
    private Duration latency = Duration.ZERO;
    private LatencyModel latencyModel;
    private long latencyAddedNanos;
    private long latencySamples;

    SageFaults() {
    }

    /** The next {@code count} matching requests get HTTP 429 (with {@code Retry-After} seconds if non-null). */
    public synchronized SageFaults throttleNext(String method, String pathPrefix, int count, Duration retryAfter) {
        return add(method, pathPrefix, count, new Fault(Kind.THROTTLE, 429, retryAfter));
    }

    /** The next {@code count} matching requests get {@code status} (e.g. 500, 502, 503) and change nothing. */
    public synchronized SageFaults failNext(String method, String pathPrefix, int count, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("failNext expects a 5xx status, got " + status);
        }
        return add(method, pathPrefix, count, new Fault(Kind.FAIL, status, null));
    }

    /** The next {@code count} matching requests are executed (records created) but answered with 500. */
    public synchronized SageFaults failAfterCreate(String method, String pathPrefix, int count) {
        return add(method, pathPrefix, count, new Fault(Kind.FAIL_AFTER_CREATE, 500, null));
    }

    /** The next {@code count} matching requests lose their connection without an answer (and change nothing). */
    public synchronized SageFaults dropNext(String method, String pathPrefix, int count) {
        return add(method, pathPrefix, count, new Fault(Kind.DROP, 0, null));
    }

    /**
     * Chaos: until {@link #reset()}, each request matching {@code method} and {@code pathPrefix} that no counted rule
     * takes gets, with {@code probability}, one of {@code kinds} chosen uniformly ({@code THROTTLE} answers 429,
     * {@code FAIL} 503, the others as their names say). {@code random} makes a run reproducible.
     */
    public synchronized SageFaults randomly(String method, String pathPrefix, double probability,
                                            java.util.Random random, Kind... kinds) {
        if (probability < 0 || probability > 1 || kinds.length == 0) {
            throw new IllegalArgumentException("probability must be in [0, 1] and at least one kind given");
        }
        String m = method == null || "*".equals(method) ? null : method.toUpperCase(Locale.ROOT);
        randomRules.add(new RandomRule(m, Objects.requireNonNull(pathPrefix), probability, random, List.of(kinds)));
        return this;
    }

    /** How many faults of each kind were handed out so far (counted and random rules). */
    public synchronized java.util.Map<Kind, Integer> injected() {
        return java.util.Map.copyOf(injected);
    }

    /** Adds {@code perRequest} latency to every request until {@link #reset()}. */
    public synchronized SageFaults latency(Duration perRequest) {
        if (perRequest.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        this.latency = perRequest;
        this.latencyModel = null;
        return this;
    }

    /**
     * Adds a latency drawn from {@code model} to every request until {@link #reset()} (replaces a fixed latency).
     * What was drawn is summed in {@link #latencyAdded()}, so a benchmark can compare against the latency the run
     * actually got rather than the nominal one.
     */
    public synchronized SageFaults latency(LatencyModel model) {
        this.latencyModel = java.util.Objects.requireNonNull(model, "model");
        this.latency = Duration.ZERO;
        return this;
    }

    /** Total latency added so far and the number of requests it was added to. */
    public synchronized AddedLatency latencyAdded() {
        return new AddedLatency(Duration.ofNanos(latencyAddedNanos), latencySamples);
    }

    /** Sum of the latency the simulator added, over {@code requests} requests. */
    public record AddedLatency(Duration total, long requests) {
        /** Mean added latency per request (zero when none). */
        public Duration mean() {
            return requests == 0 ? Duration.ZERO : total.dividedBy(requests);
        }
    }

    /** Removes every rule and the latency. */
    public synchronized void reset() {
        rules.clear();
        randomRules.clear();
        injected.clear();
        latency = Duration.ZERO;
        latencyModel = null;
        latencyAddedNanos = 0;
        latencySamples = 0;
    }

    /** Number of fault responses still armed (sum over rules). */
    public synchronized int pending() {
        return rules.stream().mapToInt(r -> r.remaining).sum();
    }

    /** The latency for the next request (drawn now when a model is set), counted in {@link #latencyAdded()}. */
    synchronized Duration currentLatency() {
        Duration d = latencyModel == null ? latency : latencyModel.next();
        latencyAddedNanos += d.toNanos();
        latencySamples++;
        return d;
    }

    /** Consumes and returns the first matching rule's fault, if any. */
    synchronized Optional<Fault> take(String method, String path) {
        Iterator<Rule> it = rules.iterator();
        while (it.hasNext()) {
            Rule rule = it.next();
            if (rule.matches(method, path)) {
                rule.remaining--;
                if (rule.remaining <= 0) {
                    it.remove();
                }
                injected.merge(rule.fault.kind(), 1, Integer::sum);
                return Optional.of(rule.fault);
            }
        }
        for (RandomRule r : randomRules) {
            if ((r.method() == null || r.method().equals(method)) && path.startsWith(r.pathPrefix())
                    && r.random().nextDouble() < r.probability()) {
                Kind kind = r.kinds().get(r.random().nextInt(r.kinds().size()));
                injected.merge(kind, 1, Integer::sum);
                int status = switch (kind) {
                    case THROTTLE -> 429;
                    case FAIL -> 503;
                    case FAIL_AFTER_CREATE -> 500;
                    case DROP, DROP_AFTER_CREATE -> 0;
                };
                return Optional.of(new Fault(kind, status, null));
            }
        }
        return Optional.empty();
    }

    private SageFaults add(String method, String pathPrefix, int count, Fault fault) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive");
        }
        rules.add(new Rule(method, pathPrefix, count, fault));
        return this;
    }
}
