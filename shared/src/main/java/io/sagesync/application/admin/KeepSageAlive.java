package io.sagesync.application.admin;

import io.sagesync.domain.BindingState;
import io.sagesync.port.BindingStore;
import io.sagesync.port.SageReauthRequiredException;
import io.sagesync.port.SageReferenceCache;
import io.sagesync.port.SageTokenCustody;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The daily schedule: renews the refresh token well within its 31 days (an idle shop would otherwise be
 * disconnected) and refreshes a stale reference cache.
 */
public final class KeepSageAlive {
    /** Refresh an idle connection once its refresh token has less than this left (issued 31 days, checked daily). */
    public static final Duration KEEPALIVE_MIN_REMAINING = Duration.ofDays(24);
    /** The reference cache is refreshed by the daily keep-alive once it is older than this. */
    public static final Duration REFERENCE_MAX_AGE = Duration.ofHours(20);

    /**
     * @param skipped            why nothing was done, or null
     * @param refreshed          whether the tokens were renewed (null when skipped)
     * @param referenceRefreshed whether the reference cache was refreshed (null when skipped)
     */
    public record Result(String skipped, Boolean refreshed, Boolean referenceRefreshed) {
        static Result skipped(String why) {
            return new Result(why, null, null);
        }
    }

    private final SageTokenCustody custody;
    private final BindingStore binding;
    private final SageReferenceCache cache;
    private final RefreshSageReference reference;
    private final Clock clock;

    public KeepSageAlive(SageTokenCustody custody, BindingStore binding,
                         SageReferenceCache cache, RefreshSageReference reference, Clock clock) {
        this.custody = Objects.requireNonNull(custody);
        this.binding = Objects.requireNonNull(binding);
        this.cache = Objects.requireNonNull(cache);
        this.reference = Objects.requireNonNull(reference);
        this.clock = Objects.requireNonNull(clock);
    }

    public Result run() {
        if (custody.stored().isEmpty()) {
            return Result.skipped("Sage is not connected");
        }
        if (BindingState.NEEDS_REAUTH.equals(binding.state().sageConnection())) {
            return Result.skipped("needs_reauth: " + SageReauthRequiredException.RECONNECT);
        }
        boolean refreshed = custody.keepAlive(KEEPALIVE_MIN_REMAINING);
        boolean stale = cache.load()
                .map(r -> r.refreshedAt().plus(REFERENCE_MAX_AGE).isBefore(clock.instant()))
                .orElse(true);
        if (stale) {
            reference.refresh();
        }
        return new Result(null, refreshed, stale);
    }
}
