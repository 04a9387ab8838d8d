package io.sagesync.testkit.fakes;

import io.sagesync.port.SageTokenSet;
import io.sagesync.port.SageTokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link SageTokenStore} in memory with the adapter's conditions: a lease is free when released or run out, and a
 * write lands only for the current lease owner on the version it saw (and releases the lease).
 */
public final class InMemorySageTokenStore implements SageTokenStore {
    private final Clock clock;
    private SageTokenSet tokens;
    private long version;
    private String leaseOwner;
    private long leaseUntil;
    private int refusedWrites;

    public InMemorySageTokenStore(Clock clock) {
        this.clock = clock;
    }

    /** Stores {@code initial} as version 1, as a connect would. */
    public InMemorySageTokenStore(Clock clock, SageTokenSet initial) {
        this(clock);
        this.tokens = initial;
        this.version = 1;
    }

    @Override
    public synchronized Versioned read() {
        return new Versioned(tokens, version);
    }

    @Override
    public synchronized Optional<Lease> tryLease(String owner, Duration duration) {
        long now = clock.millis();
        if (leaseUntil != 0 && leaseUntil >= now) {
            return Optional.empty();
        }
        boolean tookOver = leaseUntil != 0;
        leaseOwner = owner;
        leaseUntil = now + duration.toMillis();
        return Optional.of(new Lease(owner, Instant.ofEpochMilli(leaseUntil), read(), tookOver));
    }

    @Override
    public synchronized boolean write(Lease lease, SageTokenSet next) {
        if (!lease.owner().equals(leaseOwner) || lease.seen().version() != version) {
            refusedWrites++;
            return false;
        }
        tokens = next;
        version++;
        leaseUntil = 0;
        return true;
    }

    @Override
    public synchronized void release(Lease lease) {
        if (lease.owner().equals(leaseOwner)) {
            leaseUntil = 0;
        }
    }

    /** Whether someone holds a running lease now. */
    public synchronized boolean leased() {
        return leaseUntil != 0 && leaseUntil >= clock.millis();
    }

    /** Writes refused by the owner/version condition. */
    public synchronized int refusedWrites() {
        return refusedWrites;
    }
}
