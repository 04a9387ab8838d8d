package io.sagesync.testkit.fakes;

import io.sagesync.domain.EntityType;
import io.sagesync.domain.SyncStateUpdate;
import io.sagesync.port.MagentoCallException;
import io.sagesync.port.MagentoGateway;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A configurable {@link MagentoGateway} for use-case tests: set the canonical and payment bodies it answers with
 * (null means 404), queue failures for the next fetches ({@link #failures}, one each), or make every fetch fail
 * ({@link #failure}). Counts fetches and records pushed sync-state updates.
 */
public final class InMemoryMagentoGateway implements MagentoGateway {
    /** Thrown by the next fetches, one each, before any body is served. */
    public final Deque<MagentoCallException> failures = new ArrayDeque<>();
    /** Thrown by every fetch while set. */
    public MagentoCallException failure;
    /** The canonical body of any entity not in {@link #entities}; null answers 404. */
    public String body;
    /** Canonical bodies of particular entities, by {@code <type>/<id>} (e.g. {@code product/301}). */
    public final java.util.Map<String, String> entities = new java.util.HashMap<>();
    /** The canonical payment body; null answers 404. */
    public String payment;
    /** Fetch calls so far (canonical and payment). */
    public int calls;
    public final List<SyncStateUpdate> pushed = new ArrayList<>();

    @Override
    public synchronized String fetchCanonical(EntityType type, long magentoId) {
        return fetch(entities.getOrDefault(type.wireName() + "/" + magentoId, body));
    }

    @Override
    public synchronized String fetchPayment(long invoiceId) {
        return fetch(payment);
    }

    private String fetch(String answer) {
        calls++;
        if (failure != null) {
            throw failure;
        }
        if (!failures.isEmpty()) {
            throw failures.poll();
        }
        if (answer == null) {
            throw new MagentoCallException(MagentoCallException.Kind.NOT_FOUND, 404, "missing");
        }
        return answer;
    }

    @Override
    public void pushSyncState(SyncStateUpdate update) {
        pushed.add(update);
    }

    @Override
    public void ping() {
    }
}
