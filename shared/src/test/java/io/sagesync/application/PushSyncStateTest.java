package io.sagesync.application;

import io.sagesync.domain.BindingState;
import io.sagesync.domain.EntityType;
import io.sagesync.domain.EventName;
import io.sagesync.domain.PushJob;
import io.sagesync.domain.PushStatus;
import io.sagesync.domain.SyncStateUpdate;
import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.log.Log;
import io.sagesync.log.Metrics;
import io.sagesync.port.BindingStore;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.MagentoCallException.Kind;
import io.sagesync.port.MagentoCallException;
import io.sagesync.port.MagentoGateway;
import io.sagesync.port.PushLog;
import io.sagesync.retry.RetryPolicies;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The push use case against in-memory ports: every Magento answer class and every store failure. */
class PushSyncStateTest {
    private static final Instant NOW = Instant.parse("2026-04-30T10:15:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final PushJob JOB = new PushJob("run-1", EventName.INVOICE_CREATED,
            SyncStateUpdate.synced(EntityType.INVOICE, 42, "sage-1", "SI-1", NOW.minusSeconds(30)));

    private final FakeMagento magento = new FakeMagento();
    private final InMemoryPushLog pushLog = new InMemoryPushLog();
    private final InMemoryBinding binding = new InMemoryBinding();
    private final List<String> metricLines = new ArrayList<>();
    private final PushSyncState push = new PushSyncState("tenant-1", magento, pushLog, binding,
            new Metrics("tenant-1", "push", CLOCK, metricLines::add), RetryPolicies.SYNC_STATE_PUSH, CLOCK);

    @AfterEach
    void restoreLog() {
        Log.clearContext();
    }

    @Test
    void accepted_isDelivered_recordedOnTheRun_andCounted() {
        PushResult result = push.push(JOB, 1);

        assertThat(result.done()).isTrue();
        assertThat(magento.received).containsExactly(JOB.update());
        assertThat(pushLog.records).containsExactly("run-1 delivered null 1");
        assertThat(metricLines).anySatisfy(l -> assertThat(l).contains("\"PushOutcome\":1", "\"delivered\""));
    }

    @Test
    void transientFailure_isRetriedWithAGrowingBackoff_andTheBindingIsUntouched() {
        magento.failures.add(new MagentoCallException(Kind.TRANSIENT, 503, "Magento sync-state answered 503"));
        magento.failures.add(new MagentoCallException(Kind.TRANSIENT, 0, "Magento sync-state timed out"));

        PushResult first = push.push(JOB, 1);
        PushResult third = push.push(JOB, 3);

        assertThat(first.done()).isFalse();
        assertThat(first.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(third.retryAfter()).isEqualTo(Duration.ofMinutes(4));
        assertThat(pushLog.records).containsExactly("run-1 retrying Magento sync-state answered 503 1",
                "run-1 retrying Magento sync-state timed out 3");
        assertThat(binding.magentoFlags).isEmpty();
        assertThat(metricLines).anySatisfy(l -> assertThat(l).contains("\"Retries\":1"));
    }

    @Test
    void unauthorized_isFinal_andFlagsTheBindingTokenRevoked() {
        magento.failures.add(new MagentoCallException(Kind.AUTH, 401, "Magento sync-state answered 401"));

        PushResult result = push.push(JOB, 1);

        assertThat(result.status()).isEqualTo(PushStatus.UNAUTHORIZED);
        assertThat(result.done()).isTrue();
        assertThat(binding.magentoFlags).singleElement().asString().startsWith(BindingState.TOKEN_REVOKED);
    }

    @Test
    void rejected_isFinal_andKeepsMagentosMessage() {
        magento.failures.add(new MagentoCallException(Kind.REJECTED, 400, "Magento sync-state answered 400: bad"));

        PushResult result = push.push(JOB, 1);

        assertThat(result.status()).isEqualTo(PushStatus.REJECTED);
        assertThat(pushLog.records).containsExactly("run-1 rejected Magento sync-state answered 400: bad 1");
    }

    @Test
    void storeUnavailable_beforeTheCall_isRetried_withoutCallingMagento() {
        pushLog.unavailable = true;

        PushResult result = push.push(JOB, 2);

        assertThat(result.done()).isFalse();
        assertThat(result.retryAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(magento.received).isEmpty();
    }

    @Test
    void deliveredButNotRecorded_isStillDone_soAStaleRepushCannotFollow() {
        pushLog.failRecords = true;

        assertThat(push.push(JOB, 1).status()).isEqualTo(PushStatus.DELIVERED);
        assertThat(magento.received).hasSize(1);
    }

    @Test
    void olderThanADeliveredPush_isSuperseded_andNotSent() {
        pushLog.watermarks.put(42L, NOW);

        assertThat(push.push(JOB, 1).status()).isEqualTo(PushStatus.SUPERSEDED);
        assertThat(magento.received).isEmpty();
    }

    @Test
    void aNewerOutcomeArrivingWhileAnOlderOneIsInFlight_waits_andLandsLast() throws Exception {
        PushJob older = new PushJob("run-1", EventName.INVOICE_CREATED,
                SyncStateUpdate.failed(EntityType.INVOICE, 42, io.sagesync.domain.ErrorClass.PROVIDER, NOW.minusSeconds(60)));
        PushJob newer = JOB; // synced, 30 s later
        magento.blockNextCall();
        Thread inFlight = Thread.ofPlatform().start(() -> push.push(older, 1));
        magento.awaitBlocked();

        PushResult whileBusy = push.push(newer, 1);

        assertThat(whileBusy.done()).isFalse();
        assertThat(whileBusy.retryAfter()).isEqualTo(PushSyncState.ROW_BUSY_RETRY);
        magento.unblock();
        inFlight.join(5_000);
        assertThat(push.push(newer, 2).status()).isEqualTo(PushStatus.DELIVERED);
        assertThat(magento.received).extracting(SyncStateUpdate::syncStatus).containsExactly(
                SyncStateUpdate.SyncStatus.FAILED, SyncStateUpdate.SyncStatus.SYNCED);
    }

    @Test
    void anOlderOutcomeArrivingAfterANewerOneWasDelivered_isSuperseded() {
        PushJob older = new PushJob("run-1", EventName.INVOICE_CREATED,
                SyncStateUpdate.failed(EntityType.INVOICE, 42, io.sagesync.domain.ErrorClass.PROVIDER, NOW.minusSeconds(60)));

        push.push(JOB, 1);

        assertThat(push.push(older, 1).status()).isEqualTo(PushStatus.SUPERSEDED);
        assertThat(magento.received).containsExactly(JOB.update());
    }

    @Test
    void logLine_carriesRunTenantEventStepAndDuration() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            push.push(JOB, 1);
        } finally {
            System.setOut(stdout);
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"tenant\":\"tenant-1\"",
                "\"run_id\":\"run-1\"", "\"event\":\"invoice.created\"", "\"step\":\"push\"", "\"duration_ms\":\"0\"");
    }

    private static final class FakeMagento implements MagentoGateway {
        final List<SyncStateUpdate> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        final Deque<MagentoCallException> failures = new java.util.concurrent.ConcurrentLinkedDeque<>();
        private volatile java.util.concurrent.CountDownLatch entered;
        private volatile java.util.concurrent.CountDownLatch release;
        private volatile java.util.concurrent.CountDownLatch held;

        void blockNextCall() {
            entered = new java.util.concurrent.CountDownLatch(1);
            release = new java.util.concurrent.CountDownLatch(1);
            held = release;
        }

        void awaitBlocked() throws InterruptedException {
            assertThat(entered.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }

        void unblock() {
            held.countDown();
        }

        @Override
        public void pushSyncState(SyncStateUpdate update) {
            var gate = release;
            if (gate != null) {
                release = null;
                entered.countDown();
                try {
                    gate.await(5, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            MagentoCallException failure = failures.poll();
            if (failure != null) {
                throw failure;
            }
            received.add(update);
        }

        @Override
        public String fetchCanonical(EntityType type, long magentoId) {
            throw new UnsupportedOperationException("the push never fetches");
        }

        @Override
        public String fetchPayment(long invoiceId) {
            throw new UnsupportedOperationException("the push never fetches");
        }

        @Override
        public void ping() {
        }
    }

    private static final class InMemoryPushLog implements PushLog {
        final List<String> records = new ArrayList<>();
        final Map<Long, Instant> watermarks = new HashMap<>();
        final Map<Long, String> holders = new HashMap<>();
        boolean unavailable;
        boolean failRecords;

        @Override
        public synchronized Claim claim(SyncStateUpdate update, String holder, Instant now, Duration lease) {
            if (unavailable) {
                throw new InfrastructureException("injected: table unavailable");
            }
            Instant delivered = watermarks.get(update.magentoEntityId());
            if (delivered != null && delivered.isAfter(update.lastSyncAt())) {
                return Claim.SUPERSEDED;
            }
            String current = holders.get(update.magentoEntityId());
            if (current != null && !current.equals(holder)) {
                return Claim.BUSY;
            }
            holders.put(update.magentoEntityId(), holder);
            return Claim.CLAIMED;
        }

        @Override
        public synchronized void release(SyncStateUpdate update, String holder, boolean delivered) {
            if (failRecords) {
                throw new InfrastructureException("injected: table unavailable");
            }
            holders.remove(update.magentoEntityId(), holder);
            if (delivered) {
                watermarks.merge(update.magentoEntityId(), update.lastSyncAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }

        @Override
        public synchronized void record(String runId, SyncStateUpdate update, PushStatus status, String message,
                                        int attempts, Instant at) {
            if (failRecords) {
                throw new InfrastructureException("injected: table unavailable");
            }
            records.add(runId + " " + status.wireName() + " " + message + " " + attempts);
        }
    }

    private static final class InMemoryBinding implements BindingStore {
        final List<String> magentoFlags = new ArrayList<>();

        @Override
        public SyncPolicy policy() {
            return SyncPolicy.defaults();
        }

        @Override
        public void savePolicy(SyncPolicy policy) {
        }

        @Override
        public BindingState state() {
            return BindingState.initial();
        }

        @Override
        public void flagMagento(String status, String reason) {
            magentoFlags.add(status + " " + reason);
        }

        @Override
        public void flagSage(String status, String reason) {
        }
    }
}
