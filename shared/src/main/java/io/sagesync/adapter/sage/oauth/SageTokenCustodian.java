package io.sagesync.adapter.sage.oauth;

import io.sagesync.adapter.sage.api.SageApiException;
import io.sagesync.domain.BindingState;
import io.sagesync.log.Log;
import io.sagesync.port.BindingStore;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.SageCallException;
import io.sagesync.port.SageOAuthException;
import io.sagesync.port.SageReauthRequiredException;
import io.sagesync.port.SageTokenCustody;
import io.sagesync.port.SageTokenSet;
import io.sagesync.port.SageTokenStore;
import io.sagesync.port.SageTokenStore.Lease;
import io.sagesync.retry.RetryPolicies;
import io.sagesync.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Keeps the tenant's Sage tokens alive without ever spending a refresh token twice (sage-api-v3.1 §2: single-use
 * refresh tokens; two concurrent refreshes disconnect the merchant). Protocol in docs/sage-connection.md: serve the
 * stored token while it has {@link #REFRESH_AHEAD} left; otherwise the lease holder calls the token endpoint once
 * within its lease minus {@link #WRITE_RESERVE} and stores the pair conditionally on lease owner and version; others
 * wait and re-read. A refused write leads to a re-read, never to {@code needs_reauth}; {@code invalid_grant} flags
 * {@code needs_reauth} only when no newer pair exists and no stalled holder may still store one. Connect
 * ({@link #replace}) and disconnect ({@link #clear}) take the same lease. Thread-safe; one per execution environment.
 */
public final class SageTokenCustodian implements SageTokenCustody {
    /** Refresh when the access token has less than this left (Sage tokens live 300 s). */
    public static final Duration REFRESH_AHEAD = Duration.ofSeconds(60);
    /** Lease length: the token call's deadline plus {@link #WRITE_RESERVE} fit inside it. */
    public static final Duration LEASE_DURATION = Duration.ofSeconds(30);
    /** Kept free at the end of a lease for the write (KMS + DynamoDB, each bounded by the SDK's apiCallTimeout). */
    public static final Duration WRITE_RESERVE = Duration.ofSeconds(12);
    /** Below this, a token call is not started: it could not finish inside the lease. */
    static final Duration MIN_CALL = Duration.ofSeconds(1);
    /** How long a waiter keeps re-reading before giving up (a crashed holder's lease runs out after 30 s). */
    public static final Duration MAX_WAIT = RetryPolicies.SAGE_TOKEN_LEASE_WAIT.maxWait();
    static final String REAUTH_REASON = "Sage refused the refresh token (expired, revoked or already used): "
            + SageReauthRequiredException.RECONNECT;
    static final String NOT_CONNECTED_REASON = "Sage is not connected: connect Sage in the admin";
    private static final Log LOG = Log.of(SageTokenCustodian.class);
    private final SageTokenStore store;
    private final SageTokenEndpoint endpoint;
    private final BindingStore binding;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Supplier<String> ownerIds;
    private volatile SageTokenSet cached;

    /** @param ownerIds a unique id per lease attempt (production: random UUIDs) */
    public SageTokenCustodian(SageTokenStore store, SageTokenEndpoint endpoint, BindingStore binding, Clock clock,
                              Sleeper sleeper, RandomGenerator random, Supplier<String> ownerIds) {
        this.store = Objects.requireNonNull(store, "store");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.binding = Objects.requireNonNull(binding, "binding");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.ownerIds = Objects.requireNonNull(ownerIds, "ownerIds");
    }

    @Override
    public String accessToken() {
        return current().accessToken();
    }

    @Override
    public SageTokenSet current() {
        SageTokenSet known = cached;
        if (known != null && known.accessValidFor(clock.instant(), REFRESH_AHEAD)) {
            return known;
        }
        return obtain(t -> !t.accessValidFor(clock.instant(), REFRESH_AHEAD));
    }

    @Override
    public Optional<SageTokenSet> stored() {
        return store.read().current();
    }

    @Override
    public boolean keepAlive(Duration minRemaining) {
        Instant before = store.read().current().map(SageTokenSet::refreshExpiresAt).orElse(null);
        SageTokenSet after = obtain(t -> !clock.instant().plus(minRemaining).isBefore(t.refreshExpiresAt())
                || !t.accessValidFor(clock.instant(), REFRESH_AHEAD));
        return before == null || !before.equals(after.refreshExpiresAt());
    }

    @Override
    public void replace(SageTokenSet fresh, Consumer<Optional<SageTokenSet>> guard) {
        underLease("connect", lease -> {
            guard.accept(lease.seen().current());
            return store.write(lease, fresh);
        });
        cached = null;
    }

    @Override
    public Optional<SageTokenSet> clear(Consumer<SageTokenSet> beforeClear) {
        SageTokenSet[] was = new SageTokenSet[1];
        underLease("disconnect", lease -> {
            was[0] = lease.seen().tokens();
            if (was[0] != null) {
                beforeClear.accept(was[0]);
            }
            return store.write(lease, null);
        });
        cached = null;
        return Optional.ofNullable(was[0]);
    }

    @Override
    public void invalidate() {
        cached = null;
    }

    private SageTokenSet obtain(Predicate<SageTokenSet> stale) {
        Instant deadline = clock.instant().plus(MAX_WAIT);
        for (int attempt = 0; ; attempt++) {
            SageTokenSet stored = store.read().current()
                    .orElseThrow(() -> new SageReauthRequiredException(NOT_CONNECTED_REASON));
            if (!stale.test(stored)) {
                cached = stored;
                return stored;
            }
            Optional<Lease> lease = store.tryLease(ownerIds.get(), LEASE_DURATION);
            if (lease.isPresent()) {
                SageTokenSet fresh = refreshHoldingLease(lease.get(), stale);
                if (fresh != null) {
                    cached = fresh;
                    return fresh;
                }
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new InfrastructureException("another process holds the Sage token lease for too long");
            }
            backoff(attempt);
        }
    }

    /** @return the usable pair, or null to start over with a re-read */
    private SageTokenSet refreshHoldingLease(Lease lease, Predicate<SageTokenSet> stale) {
        SageTokenSet seen;
        SageTokenSet fresh;
        try {
            seen = lease.seen().current().orElseThrow(() -> new SageReauthRequiredException(NOT_CONNECTED_REASON));
            if (!stale.test(seen)) {
                releaseQuietly(lease);
                return seen; // someone refreshed between our read and our lease
            }
            if (BindingState.NEEDS_REAUTH.equals(binding.state().sageConnection())) {
                // the last refresh token was already refused; spending requests on it would only hammer Sage
                throw new SageReauthRequiredException(REAUTH_REASON);
            }
            Duration budget = lease.remaining(clock.instant()).minus(WRITE_RESERVE);
            if (budget.compareTo(MIN_CALL) < 0) {
                throw new InfrastructureException("no time left in the Sage token lease for the token call");
            }
            fresh = endpoint.refresh(seen.refreshToken(), budget).withBusinessId(seen.businessId());
        } catch (SageOAuthException e) {
            releaseQuietly(lease);
            if (e.isInvalidGrant()) {
                return afterInvalidGrant(lease, stale);
            }
            LOG.warn("sage token refresh failed", "error", e.error(), "status", e.status());
            throw new SageApiException(e.status() == 429 ? SageCallException.Kind.RATE_LIMITED : e.isTransient()
                    ? SageCallException.Kind.PROVIDER : SageCallException.Kind.AUTH,
                    "POST", "/oauth/token", e.status(), List.of(), null, null, e);
        } catch (RuntimeException e) {
            releaseQuietly(lease);
            throw e;
        }
        boolean written = false;
        try {
            written = store.write(lease, fresh); // also releases the lease
        } finally {
            if (!written) {
                releaseQuietly(lease); // refused (lease lost or version moved) or failed: the lease may still be ours
            }
        }
        if (written) {
            LOG.info("sage token refreshed", "expires_at", fresh.expiresAt().toString(), "version",
                    lease.seen().version() + 1);
            return fresh;
        }
        return afterRefusedWrite(fresh, seen, stale);
    }

    /**
     * Our write was refused. Our pair is the only valid successor of {@code spent}: while the store still holds
     * {@code spent} ours is stored under a new lease (on that version); if it holds anything else, that stands.
     */
    private SageTokenSet afterRefusedWrite(SageTokenSet fresh, SageTokenSet spent, Predicate<SageTokenSet> stale) {
        Instant deadline = clock.instant().plus(MAX_WAIT);
        for (int attempt = 0; ; attempt++) {
            SageTokenStore.Versioned now = store.read();
            SageTokenSet stored = now.tokens();
            if (stored == null || !stored.refreshToken().equals(spent.refreshToken())) {
                LOG.info("sage token write superseded; using the stored version", "version", now.version());
                return stored == null || stale.test(stored) ? null : stored;
            }
            Optional<Lease> lease = store.tryLease(ownerIds.get(), LEASE_DURATION);
            if (lease.isPresent()) {
                SageTokenSet underLease = lease.get().seen().tokens();
                if (underLease != null && underLease.refreshToken().equals(spent.refreshToken())
                        && store.write(lease.get(), fresh)) {
                    LOG.info("sage token stored after a refused write", "version", lease.get().seen().version() + 1);
                    return fresh;
                }
                releaseQuietly(lease.get());
            }
            if (!clock.instant().isBefore(deadline)) {
                // the refresh token we spent is dead and the new pair could not be stored: say so loudly
                LOG.error("renewed sage tokens could not be stored", "version", now.version());
                throw new InfrastructureException("renewed Sage tokens could not be stored");
            }
            backoff(attempt);
        }
    }

    private SageTokenSet afterInvalidGrant(Lease lease, Predicate<SageTokenSet> stale) {
        SageTokenSet spent = lease.seen().tokens();
        SageTokenStore.Versioned again = store.read();
        SageTokenSet stored = again.tokens();
        if (stored != null && !stored.refreshToken().equals(spent.refreshToken())) {
            // a newer pair was stored by a holder whose lease we outlived: nothing is lost
            return stale.test(stored) ? null : stored;
        }
        if (lease.tookOver()) {
            // the previous holder's lease ran out unreleased: it may have spent this token and will still store
            // its pair (see afterRefusedWrite); flagging would disconnect a merchant whose tokens are valid
            LOG.warn("sage refresh token refused right after taking over an expired lease; not flagging",
                    "version", again.version());
            if (stored != null && stored.accessValidFor(clock.instant(), Duration.ZERO)) {
                return stored;
            }
            throw new SageApiException(SageCallException.Kind.PROVIDER, "POST", "/oauth/token", 400, List.of(),
                    null, null, new InfrastructureException("refresh raced a stalled lease holder; retry"));
        }
        binding.flagSage(BindingState.NEEDS_REAUTH, REAUTH_REASON);
        LOG.error("sage refresh token refused; binding flagged", "sage_connection", BindingState.NEEDS_REAUTH);
        throw new SageReauthRequiredException(REAUTH_REASON);
    }

    /** Runs {@code action} under the lease, waiting for a holder, until it reports its write landed. */
    private void underLease(String what, Predicate<Lease> action) {
        Instant deadline = clock.instant().plus(MAX_WAIT);
        for (int attempt = 0; ; attempt++) {
            Optional<Lease> lease = store.tryLease(ownerIds.get(), LEASE_DURATION);
            if (lease.isPresent()) {
                boolean written = false;
                try {
                    written = action.test(lease.get());
                } finally {
                    if (!written) {
                        releaseQuietly(lease.get());
                    }
                }
                if (written) {
                    LOG.info("sage tokens " + what, "version", lease.get().seen().version() + 1);
                    return;
                }
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new InfrastructureException("the Sage token lease stayed busy; try " + what + " again");
            }
            backoff(attempt);
        }
    }

    private void releaseQuietly(Lease lease) {
        try {
            store.release(lease);
        } catch (InfrastructureException e) {
            // an unreleased lease only delays the next holder until it runs out
            LOG.warn("sage token lease not released", "error", e.getClass().getSimpleName());
        }
    }

    private void backoff(int attempt) {
        try {
            sleeper.sleep(RetryPolicies.SAGE_TOKEN_LEASE_WAIT.delay(attempt, random));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted while waiting for the Sage token lease", e);
        }
    }
}
