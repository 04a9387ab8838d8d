package io.sagesync.adapter.sage.oauth;

import io.sagesync.adapter.sage.api.SageApiException;
import io.sagesync.domain.BindingState;
import io.sagesync.log.JsonLog;
import io.sagesync.port.BindingStore;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.RefreshLease;
import io.sagesync.port.SageCallException;
import io.sagesync.port.SageOAuthException;
import io.sagesync.port.SageReauthRequiredException;
import io.sagesync.port.SageTokenCustody;
import io.sagesync.port.SageTokenSet;
import io.sagesync.port.SageTokenStore;
import io.sagesync.retry.RetryPolicies;
import io.sagesync.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Keeps the tenant's Sage tokens alive without ever spending a refresh token twice (sage-api-v3.1 §2: refresh tokens
 * are single-use and only the newest is valid, so two concurrent refreshes disconnect the merchant).
 *
 * <p>Protocol: serve the stored access token while it has more than {@link #REFRESH_AHEAD} left. Otherwise take the
 * tenant's {@link RefreshLease}; whoever holds it re-reads the store (another process may have refreshed meanwhile),
 * calls the token endpoint once, and persists the new pair <em>before</em> releasing the lease. Everyone else waits
 * with jittered backoff ({@link RetryPolicies#SAGE_TOKEN_LEASE_WAIT}) and re-reads. {@code invalid_grant} flags the binding {@code needs_reauth} and throws
 * {@link SageReauthRequiredException}; a flagged binding is never refreshed again until someone reconnects, so
 * there is no retry loop against Sage.
 *
 * <p>Thread-safe; one instance per execution environment. The last good token set is cached in memory so a warm
 * Lambda does not read Secrets Manager on every Sage call.
 */
public final class SageTokenCustodian implements SageTokenCustody {
    /** Refresh when the access token has less than this left (Sage tokens live 300 s). */
    public static final Duration REFRESH_AHEAD = Duration.ofSeconds(60);
    /** Lease length: several times the token call's timeout, so a live holder never loses it mid-refresh. */
    public static final Duration LEASE_DURATION = Duration.ofSeconds(30);
    /** How long a waiter keeps re-reading before giving up (a crashed holder's lease runs out after 30 s). */
    public static final Duration MAX_WAIT = RetryPolicies.SAGE_TOKEN_LEASE_WAIT.maxWait();
    static final String REAUTH_REASON = "Sage refused the refresh token (expired, revoked or already used): "
            + SageReauthRequiredException.RECONNECT;
    static final String NOT_CONNECTED_REASON = "Sage is not connected: connect Sage in the admin";

    private static final JsonLog LOG = JsonLog.of(SageTokenCustodian.class);

    private final SageTokenStore store;
    private final RefreshLease lease;
    private final SageOAuthClient oauth;
    private final BindingStore binding;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Supplier<String> ownerIds;
    private volatile SageTokenSet cached;

    /**
     * @param store    where the tokens live (SageSecret)
     * @param lease    the tenant's refresh lease (DynamoDB item {@code LEASE#sage-refresh})
     * @param oauth    Sage's token endpoint
     * @param binding  flagged {@code needs_reauth} on {@code invalid_grant}
     * @param clock    token expiry decisions
     * @param sleeper  waits between re-reads while another process refreshes
     * @param random   backoff jitter
     * @param ownerIds a unique id per lease attempt (production: random UUIDs)
     */
    public SageTokenCustodian(SageTokenStore store, RefreshLease lease, SageOAuthClient oauth, BindingStore binding,
                              Clock clock, Sleeper sleeper, RandomGenerator random, Supplier<String> ownerIds) {
        this.store = Objects.requireNonNull(store, "store");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.oauth = Objects.requireNonNull(oauth, "oauth");
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

    /** The stored token set with a usable access token (refreshed first if needed); carries the business id. */
    public SageTokenSet current() {
        SageTokenSet known = cached;
        if (known != null && known.accessValidFor(clock.instant(), REFRESH_AHEAD)) {
            return known;
        }
        return obtain(t -> !t.accessValidFor(clock.instant(), REFRESH_AHEAD));
    }

    /**
     * Keep-alive for idle connections: refreshes (under the same lease) when the refresh token would expire within
     * {@code minRemaining}, so a shop with no orders for a month stays connected.
     *
     * @return true when a refresh happened or the stored token was already renewed by someone else
     */
    public boolean keepAlive(Duration minRemaining) {
        Instant before = store.read().map(SageTokenSet::refreshExpiresAt).orElse(null);
        SageTokenSet after = obtain(t -> !clock.instant().plus(minRemaining).isBefore(t.refreshExpiresAt())
                || !t.accessValidFor(clock.instant(), REFRESH_AHEAD));
        return before == null || !before.equals(after.refreshExpiresAt());
    }

    /** Forgets the in-memory copy (after a disconnect or reconnect in this execution environment). */
    public void invalidate() {
        cached = null;
    }

    private SageTokenSet obtain(Predicate<SageTokenSet> stale) {
        Instant deadline = clock.instant().plus(MAX_WAIT);
        for (int attempt = 0; ; attempt++) {
            SageTokenSet stored = readOrFail();
            if (!stale.test(stored)) {
                cached = stored;
                return stored;
            }
            String owner = ownerIds.get();
            if (lease.tryAcquire(owner, LEASE_DURATION)) {
                try {
                    SageTokenSet fresh = refreshHoldingLease(stale);
                    cached = fresh;
                    return fresh;
                } finally {
                    releaseQuietly(owner);
                }
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new InfrastructureException("another process holds the Sage refresh lease for too long");
            }
            backoff(attempt);
        }
    }

    private SageTokenSet refreshHoldingLease(Predicate<SageTokenSet> stale) {
        SageTokenSet stored = readOrFail(); // re-read: the previous holder may have stored a new pair
        if (!stale.test(stored)) {
            return stored;
        }
        if (BindingState.NEEDS_REAUTH.equals(binding.state().sageConnection())) {
            // the last refresh token was already refused; spending requests on it would only hammer Sage
            throw new SageReauthRequiredException(REAUTH_REASON);
        }
        SageTokenSet fresh;
        try {
            fresh = oauth.refresh(stored.refreshToken()).withBusinessId(stored.businessId());
        } catch (SageOAuthException e) {
            if (e.isInvalidGrant()) {
                return afterInvalidGrant(stored, stale);
            }
            LOG.warn("sage token refresh failed", "error", e.error(), "status", e.status());
            throw new SageApiException(e.status() == 429 ? SageCallException.Kind.RATE_LIMITED
                    : e.isTransient() ? SageCallException.Kind.PROVIDER
                    : SageCallException.Kind.AUTH,
                    "POST", "/oauth/token", e.status(), List.of(), null, null, e);
        }
        store.write(fresh); // persisted before the lease is released: the old refresh token is already dead
        LOG.info("sage token refreshed", "expires_at", fresh.expiresAt().toString());
        return fresh;
    }

    private SageTokenSet afterInvalidGrant(SageTokenSet used, Predicate<SageTokenSet> stale) {
        // One re-read, in case a newer pair was stored by a holder whose lease we outlived: then nothing is lost.
        SageTokenSet again = store.read().orElse(null);
        if (again != null && !again.refreshToken().equals(used.refreshToken()) && !stale.test(again)) {
            return again;
        }
        binding.flagSage(BindingState.NEEDS_REAUTH, REAUTH_REASON);
        LOG.error("sage refresh token refused; binding flagged", "sage_connection", BindingState.NEEDS_REAUTH);
        throw new SageReauthRequiredException(REAUTH_REASON);
    }

    private SageTokenSet readOrFail() {
        return store.read().orElseThrow(() -> new SageReauthRequiredException(NOT_CONNECTED_REASON));
    }

    private void releaseQuietly(String owner) {
        try {
            lease.release(owner);
        } catch (InfrastructureException e) {
            // the new pair is stored; an unreleased lease only delays the next refresh until it runs out
            LOG.warn("sage refresh lease not released", "error", e.getClass().getSimpleName());
        }
    }

    private void backoff(int attempt) {
        try {
            sleeper.sleep(RetryPolicies.SAGE_TOKEN_LEASE_WAIT.delay(attempt, random));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted while waiting for the Sage refresh lease", e);
        }
    }
}
