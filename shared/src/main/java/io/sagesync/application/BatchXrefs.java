package io.sagesync.application;

import io.sagesync.domain.Xref;
import io.sagesync.log.Log;
import io.sagesync.port.XrefStore;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The cross-references as one batch of the sync worker sees them ({@link SyncBatch}): the reads a job will make are
 * issued while the job before it waits on Sage ({@link Lookahead}), and the writes run on the {@link CompletionLane},
 * so neither sits between two of the tenant's Sage calls.
 *
 * <p>Why it stays exact: within a batch this worker is the only writer of the tenant's cross-references (the FIFO
 * group runs one batch at a time, and nothing else writes xrefs), and every write of the batch goes through here. A
 * key written in the batch is answered from that write, before any read issued earlier; a key read ahead is answered
 * from that read for the rest of the batch. {@link #forget()} drops both when the batch ends, after the lane has made
 * every write durable.
 *
 * <p>Why a write may trail its Sage call: the lane runs the write before the run's own completion (push, terminal
 * status), in order, and never after a failed tail, and the batch answers only once the lane is drained. A write
 * that fails, or a crash before it, leaves the message to be redelivered with no xref, which is the window the
 * deterministic {@code idempotency_id} (or, beyond Sage's replay window, the search by reference) already covers.
 */
public final class BatchXrefs implements XrefStore {
    private static final Log LOG = Log.of(BatchXrefs.class);

    private final XrefStore store;
    private final ExecutorService pool;
    private final CompletionLane lane;
    private final Map<String, Xref> written = new ConcurrentHashMap<>();
    private final Map<String, Future<Optional<Xref>>> readAhead = new ConcurrentHashMap<>();

    /**
     * @param pool where reads ahead run (bounded: a few requests at once)
     * @param lane the worker's completion lane: writes go there, under the run being processed
     */
    public BatchXrefs(XrefStore store, ExecutorService pool, CompletionLane lane) {
        this.store = Objects.requireNonNull(store, "store");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.lane = Objects.requireNonNull(lane, "lane");
    }

    /** Starts reading these keys; a key already read or written in this batch is not read again. */
    public void readAhead(Collection<String> keys) {
        Map<String, String> context = Log.context();
        for (String key : keys) {
            if (!written.containsKey(key)) {
                readAhead.computeIfAbsent(key, k -> pool.submit(() -> {
                    Log.restoreContext(context);
                    try {
                        return store.find(k);
                    } finally {
                        Log.clearContext();
                    }
                }));
            }
        }
    }

    /**
     * Reads {@code key} on the calling thread, unless this batch read or wrote it already, and keeps the answer for the
     * batch's jobs. For a preparation that needs the answer itself ({@link Lookahead}): it waits on no pool, so
     * preparations can never wait on reads queued behind them.
     */
    public Optional<Xref> readHere(String key) {
        Xref mine = written.get(key);
        if (mine != null) {
            return Optional.of(mine);
        }
        CompletableFuture<Optional<Xref>> read = new CompletableFuture<>();
        Future<Optional<Xref>> earlier = readAhead.putIfAbsent(key, read);
        if (earlier != null) {
            return find(key); // read, or being read by a running preparation: never a queued task
        }
        try {
            Optional<Xref> found = store.find(key);
            read.complete(found);
            return found;
        } catch (RuntimeException e) {
            readAhead.remove(key, read);
            read.completeExceptionally(e);
            throw e;
        }
    }

    /** Drops what this batch read and wrote; the batch calls it after draining the lane. */
    public void forget() {
        readAhead.clear();
        written.clear();
    }

    @Override
    public Optional<Xref> find(String key) {
        Xref mine = written.get(key);
        if (mine != null) {
            return Optional.of(mine);
        }
        Future<Optional<Xref>> ahead = readAhead.get(key);
        if (ahead != null) {
            try {
                return ahead.get();
            } catch (ExecutionException | CancellationException e) {
                // read again below: a failure of the store surfaces from the direct read, on this job's thread
                readAhead.remove(key, ahead);
                LOG.info("xref read ahead failed; reading directly", "key_kind", key.substring(0,
                        Math.max(0, key.indexOf(':'))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return store.find(key);
    }

    @Override
    public void put(String key, Xref xref) {
        written.put(key, xref);
        lane.submitForCurrentRun(() -> store.put(key, xref));
    }
}
