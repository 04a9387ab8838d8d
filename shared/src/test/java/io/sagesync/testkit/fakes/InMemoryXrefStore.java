package io.sagesync.testkit.fakes;

import io.sagesync.domain.Xref;
import io.sagesync.port.XrefStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link XrefStore} in memory. */
public final class InMemoryXrefStore implements XrefStore {
    private final Map<String, Xref> xrefs = new ConcurrentHashMap<>();

    @Override
    public Optional<Xref> find(String key) {
        return Optional.ofNullable(xrefs.get(key));
    }

    @Override
    public void put(String key, Xref xref) {
        xrefs.put(key, xref);
    }

    /** Test helper: forget a cross-reference (simulates a lost write). */
    public void remove(String key) {
        xrefs.remove(key);
    }

    public Map<String, Xref> all() {
        return Map.copyOf(xrefs);
    }
}
