package io.sagesync.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Durable, versioned custody of the tenant's Sage tokens, with the single-flight lease on the same record: whoever
 * spends the single-use refresh token (or replaces or clears the tokens) holds the lease, and a write lands only if
 * its writer still holds the lease <em>and</em> the version it read is still the stored one. A holder whose lease ran
 * out can therefore never overwrite a newer pair. Reads must see the latest write. Every method throws
 * {@link InfrastructureException} when the store is unavailable.
 */
public interface SageTokenStore {

    /**
     * What is stored.
     *
     * @param tokens  the tokens, or null when not connected (never connected, or cleared)
     * @param version increases by one with every write; 0 before the first
     */
    record Versioned(SageTokenSet tokens, long version) {
        public static final Versioned NONE = new Versioned(null, 0);

        public Optional<SageTokenSet> current() {
            return Optional.ofNullable(tokens);
        }
    }

    /**
     * A lease on the tokens.
     *
     * @param owner     unique id of this attempt
     * @param until     when the lease runs out; every call made while holding it must end before
     * @param seen      what was stored when the lease was taken (the version a write is conditional on)
     * @param tookOver  whether an earlier holder's lease ran out unreleased: that holder may still be spending the
     *                  same refresh token and about to store what it got
     */
    record Lease(String owner, Instant until, Versioned seen, boolean tookOver) {
        public Lease {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(seen, "seen");
        }

        /** Time left at {@code now} (zero when run out). */
        public Duration remaining(Instant now) {
            Duration left = Duration.between(now, until);
            return left.isNegative() ? Duration.ZERO : left;
        }
    }

    /** The stored tokens and their version. */
    Versioned read();

    /**
     * Takes the lease when it is free, released, or its holder's time ran out (a crashed or stalled holder).
     *
     * @return the lease, or empty while another holder's lease runs
     */
    Optional<Lease> tryLease(String owner, Duration duration);

    /**
     * Stores {@code tokens} (null: forget them) as version {@code lease.seen().version() + 1} and releases the lease,
     * only if {@code lease.owner()} still holds the lease and the stored version is still the one it saw.
     *
     * @return false when that condition failed (someone else holds the lease now, or stored a newer version):
     *         nothing was written, and the caller re-reads
     */
    boolean write(Lease lease, SageTokenSet tokens);

    /** Releases the lease if its owner still holds it; a no-op otherwise. */
    void release(Lease lease);
}
