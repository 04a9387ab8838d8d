package io.sagesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.sagesync.adapter.magento.CanonicalJsonParser;
import io.sagesync.application.InvocationDeadline;
import io.sagesync.application.ProcessSyncJob;
import io.sagesync.application.SyncWorkerSettings;
import io.sagesync.testkit.fakes.InMemoryBindingStore;
import io.sagesync.testkit.fakes.InMemoryMagentoGateway;
import io.sagesync.testkit.fakes.InMemoryPushQueue;
import io.sagesync.testkit.fakes.InMemoryRetryScheduler;
import io.sagesync.testkit.fakes.InMemorySageGateway;
import io.sagesync.testkit.fakes.InMemorySyncQueue;
import io.sagesync.testkit.fakes.InMemorySyncRunStore;
import io.sagesync.testkit.fakes.InMemoryXrefStore;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 7: the sync handler hands Lambda's remaining time to the invocation deadline the Sage and OAuth
 * adapters are bounded by (SyncComposition wires the same {@link InvocationDeadline} into them), keeping a margin to
 * record the outcome.
 */
class SyncHandlerDeadlineTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    private static Context remaining(int millis) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRemainingTimeInMillis" -> millis;
                    case "getAwsRequestId" -> "req-1";
                    default -> null;
                });
    }

    @Test
    void eachInvocation_startsTheDeadlineFromLambdasRemainingTime_lessTheOutcomeMargin() {
        var job = new ProcessSyncJob("t1", new InMemorySyncRunStore(),
                new ProcessSyncJob.Source(new InMemoryMagentoGateway(), new CanonicalJsonParser()),
                new ProcessSyncJob.Ledger(new InMemoryBindingStore(), new InMemorySageGateway(),
                        new InMemoryXrefStore()),
                new ProcessSyncJob.Queues(new InMemoryPushQueue(), new InMemoryRetryScheduler(),
                        new InMemorySyncQueue()),
                SyncWorkerSettings.defaults(), clock);
        var deadline = new InvocationDeadline(clock, SyncComposition.OUTCOME_MARGIN);
        var handler = new SyncHandler(new SyncComposition(job, deadline));
        SQSEvent empty = new SQSEvent();
        empty.setRecords(List.of());

        handler.handleRequest(empty, remaining(300_000));
        assertThat(deadline.remaining()).isEqualTo(Duration.ofSeconds(285));

        handler.handleRequest(empty, remaining(40_000));
        assertThat(deadline.remaining()).isEqualTo(Duration.ofSeconds(25));
    }
}
