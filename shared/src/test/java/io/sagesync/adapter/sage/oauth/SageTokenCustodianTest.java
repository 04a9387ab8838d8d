package io.sagesync.adapter.sage.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagesync.domain.BindingState;
import io.sagesync.port.SageOAuthException;
import io.sagesync.port.SageReauthRequiredException;
import io.sagesync.port.SageTokenSet;
import io.sagesync.simulator.sage.AdjustableClock;
import io.sagesync.testkit.fakes.InMemoryBindingStore;
import io.sagesync.testkit.fakes.InMemorySageTokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The races of issue 9 item 5 on fakes, made deterministic: a "stall" is the clock jumping past the lease while a
 * holder waits for Sage, and the other process runs inside that wait.
 */
class SageTokenCustodianTest {
    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final InMemoryBindingStore binding = new InMemoryBindingStore();
    private final FakeSage sage = new FakeSage();
    private final InMemorySageTokenStore store = new InMemorySageTokenStore(clock, sage.pair("r0", 45));
    private final AtomicInteger owners = new AtomicInteger();

    /** Sage's token endpoint: single-use refresh tokens; {@code during} runs after Sage answered, before we see it. */
    private final class FakeSage implements SageTokenEndpoint {
        String valid = "r0";
        int issued;
        int refused;
        final List<Duration> deadlines = new ArrayList<>();
        Runnable beforeConsuming = () -> { };
        Runnable afterConsuming = () -> { };

        SageTokenSet pair(String refresh, long accessSeconds) {
            return new SageTokenSet("access-of-" + refresh, refresh, clock.instant().plusSeconds(accessSeconds),
                    clock.instant().plus(Duration.ofDays(31)), "biz-1");
        }

        @Override
        public SageTokenSet refresh(String refreshToken, Duration deadline) {
            deadlines.add(deadline);
            Runnable before = beforeConsuming;
            beforeConsuming = () -> { };
            before.run();
            if (!refreshToken.equals(valid)) {
                refused++;
                throw new SageOAuthException("invalid_grant", 400, "refused", null);
            }
            valid = "r" + (++issued);
            SageTokenSet answer = new SageTokenSet("access-of-" + valid, valid, clock.instant().plusSeconds(300),
                    clock.instant().plus(Duration.ofDays(31)), null);
            Runnable after = afterConsuming;
            afterConsuming = () -> { };
            after.run();
            return answer;
        }
    }

    private SageTokenCustodian custodian() {
        return new SageTokenCustodian(store, sage, binding, clock, d -> clock.advance(d), new Random(1),
                () -> "owner-" + owners.incrementAndGet());
    }

    @Test
    void aFreshToken_isServedWithoutTakingTheLease() {
        var fresh = new InMemorySageTokenStore(clock, sage.pair("r0", 290));
        var custodian = new SageTokenCustodian(fresh, sage, binding, clock, d -> clock.advance(d), new Random(1),
                () -> "o");
        assertThat(custodian.accessToken()).isEqualTo("access-of-r0");
        assertThat(sage.issued).isZero();
    }

    @Test
    void theTokenCall_hasADeadlineThatEndsBeforeTheLease_leavingTimeForTheWrite() {
        assertThat(custodian().accessToken()).isEqualTo("access-of-r1");

        assertThat(sage.deadlines).hasSize(1);
        assertThat(sage.deadlines.get(0)).isPositive()
                .isLessThanOrEqualTo(SageTokenCustodian.LEASE_DURATION.minus(SageTokenCustodian.WRITE_RESERVE));
        assertThat(store.read().version()).isEqualTo(2);
        assertThat(store.leased()).as("the write released the lease").isFalse();
    }

    @Test
    void aStalledHoldersWrite_isRefusedOnceAnotherHolderStoredANewerPair_andItRereadsInsteadOfOverwriting() {
        SageTokenCustodian stalled = custodian();
        SageTokenCustodian reconnect = custodian();
        SageTokenSet reconnected = new SageTokenSet("access-reconnected", "refresh-reconnected",
                clock.instant().plusSeconds(600), clock.instant().plus(Duration.ofDays(31)), "biz-1");
        // Sage answered the stalled holder; before its write lands, its lease runs out and an operator reconnects
        sage.afterConsuming = () -> {
            clock.advance(Duration.ofSeconds(31));
            reconnect.replace(reconnected, current -> { });
        };

        String token = stalled.accessToken();

        assertThat(store.refusedWrites()).as("the stale holder's write").isEqualTo(1);
        assertThat(token).isEqualTo("access-reconnected");
        assertThat(store.read().tokens()).isEqualTo(reconnected);
        assertThat(store.read().version()).isEqualTo(2);
        assertThat(binding.state().sageConnection()).isNotEqualTo(BindingState.NEEDS_REAUTH);
    }

    @Test
    void aNewerPairStoredWhileWeWaitedForSage_turnsOurInvalidGrantIntoAReread_notNeedsReauth() {
        SageTokenCustodian stalled = custodian();
        SageTokenCustodian successor = custodian();
        // the stalled holder's request reaches Sage only after its lease ran out and a successor refreshed
        sage.beforeConsuming = () -> {
            clock.advance(Duration.ofSeconds(31));
            assertThat(successor.accessToken()).isEqualTo("access-of-r1");
        };

        String token = stalled.accessToken();

        assertThat(token).isEqualTo("access-of-r1");
        assertThat(sage.refused).isEqualTo(1);
        assertThat(store.read().version()).isEqualTo(2);
        assertThat(binding.state().sageConnection()).isNotEqualTo(BindingState.NEEDS_REAUTH);
    }

    @Test
    void refreshingUnderATakenOverLease_withTheSpentToken_doesNotFlagNeedsReauth_andTheValidPairIsStored() {
        // issue 9's story: holder A spends r0, stalls past its lease; B takes over and refreshes with the spent r0
        SageTokenCustodian a = custodian();
        SageTokenCustodian b = custodian();
        List<String> bSaw = new ArrayList<>();
        sage.afterConsuming = () -> {
            clock.advance(Duration.ofSeconds(31)); // the old access token still has a little life left
            bSaw.add(b.accessToken());
        };

        String aGot = a.accessToken();

        assertThat(sage.refused).as("B's refresh with the spent token").isEqualTo(1);
        assertThat(binding.state().sageConnection()).isNotEqualTo(BindingState.NEEDS_REAUTH);
        assertThat(bSaw).containsExactly("access-of-r0"); // still valid for a few seconds: served, not failed
        assertThat(aGot).isEqualTo("access-of-r1");
        assertThat(store.read().tokens().refreshToken()).as("A's pair stored after its refused write")
                .isEqualTo("r1");
        assertThat(custodian().accessToken()).isEqualTo("access-of-r1");
        assertThat(sage.issued).isEqualTo(1);
    }

    @Test
    void refreshingUnderATakenOverLease_onceTheOldAccessTokenExpired_failsTransiently_stillWithoutNeedsReauth() {
        SageTokenCustodian a = custodian();
        SageTokenCustodian b = custodian();
        List<RuntimeException> bFailed = new ArrayList<>();
        sage.afterConsuming = () -> {
            clock.advance(Duration.ofSeconds(50));
            try {
                b.accessToken();
            } catch (RuntimeException e) {
                bFailed.add(e);
            }
        };

        assertThat(a.accessToken()).isEqualTo("access-of-r1");

        assertThat(bFailed).singleElement().isInstanceOf(io.sagesync.adapter.sage.api.SageApiException.class)
                .extracting(e -> ((io.sagesync.adapter.sage.api.SageApiException) e).kind())
                .isEqualTo(io.sagesync.port.SageCallException.Kind.PROVIDER);
        assertThat(binding.state().sageConnection()).isNotEqualTo(BindingState.NEEDS_REAUTH);
        assertThat(store.read().tokens().refreshToken()).isEqualTo("r1");
    }

    @Test
    void invalidGrant_onALeaseTakenInTheNormalWay_flagsNeedsReauth_once() {
        sage.valid = "something-else";
        SageTokenCustodian custodian = custodian();

        assertThatThrownBy(custodian::accessToken).isInstanceOf(SageReauthRequiredException.class)
                .hasMessageContaining("reconnect Sage in the admin");
        assertThatThrownBy(custodian::accessToken).isInstanceOf(SageReauthRequiredException.class);

        assertThat(sage.refused).isEqualTo(1);
        assertThat(binding.state().sageConnection()).isEqualTo(BindingState.NEEDS_REAUTH);
    }

    @Test
    void replace_waitsForTheLeaseOfARefreshInFlight_thenStoresANewVersion() {
        var refreshing = store.tryLease("refresh-in-flight", Duration.ofSeconds(30)).orElseThrow();
        List<Duration> waits = new ArrayList<>();
        var custodian = new SageTokenCustodian(store, sage, binding, clock, d -> {
            waits.add(d);
            store.release(refreshing); // the refresh finishes while we wait
        }, new Random(1), () -> "connect");
        SageTokenSet connected = sage.pair("connected", 300);

        custodian.replace(connected, current -> assertThat(current).map(SageTokenSet::refreshToken).contains("r0"));

        assertThat(waits).hasSize(1);
        assertThat(store.read().tokens()).isEqualTo(connected);
        assertThat(store.read().version()).isEqualTo(2);
    }

    @Test
    void replace_refusedByTheGuard_storesNothing_andFreesTheLease() {
        SageTokenCustodian custodian = custodian();
        assertThatThrownBy(() -> custodian.replace(sage.pair("other", 300), current -> {
            throw new IllegalStateException("confirm first");
        })).hasMessage("confirm first");

        assertThat(store.read().tokens().refreshToken()).isEqualTo("r0");
        assertThat(store.leased()).isFalse();
    }

    @Test
    void clear_revokesWhatIsStored_underTheLease_thenForgetsIt() {
        List<String> revoked = new ArrayList<>();
        SageTokenCustodian custodian = custodian();

        Optional<SageTokenSet> was = custodian.clear(t -> {
            assertThat(store.leased()).as("revoked while holding the lease").isTrue();
            revoked.add(t.refreshToken());
        });

        assertThat(was).map(SageTokenSet::refreshToken).contains("r0");
        assertThat(revoked).containsExactly("r0");
        assertThat(store.read().current()).isEmpty();
        assertThatThrownBy(custodian::accessToken).isInstanceOf(SageReauthRequiredException.class)
                .hasMessageContaining("not connected");
    }
}
