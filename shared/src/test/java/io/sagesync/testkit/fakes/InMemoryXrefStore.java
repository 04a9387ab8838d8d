package io.sagesync.testkit.fakes;

import io.sagesync.domain.Xref;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.XrefStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link XrefStore} in memory; counts reads and can fail reads or writes as the real store would. */
public final class InMemoryXrefStore implements XrefStore {
    private final Map<String, Xref> xrefs = new ConcurrentHashMap<>();
    /** Reads made, by key. */
    public final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    /** The next this many reads fail. */
    public final AtomicInteger failReads = new AtomicInteger();
    /** Every write fails while set. */
    public volatile boolean failWrites;

    @Override
    public Optional<Xref> find(String key) {
        reads.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (failReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new InfrastructureException("xref store unavailable");
        }
        return Optional.ofNullable(xrefs.get(key));
    }

    @Override
    public void put(String key, Xref xref) {
        if (failWrites) {
            throw new InfrastructureException("xref store unavailable");
        }
        xrefs.put(key, xref);
    }

    /** Reads made of {@code key}. */
    public int readsOf(String key) {
        AtomicInteger n = reads.get(key);
        return n == null ? 0 : n.get();
    }

    /** Test helper: forget a cross-reference (simulates a lost write). */
    public void remove(String key) {
        xrefs.remove(key);
    }

    public Map<String, Xref> all() {
        return Map.copyOf(xrefs);
    }
}
