package io.sagesync.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagesync.port.InfrastructureException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompletionLaneTest {
    private final ExecutorService thread = SyncBatch.Pipeline.threads("lane-test", 1);
    private final CompletionLane lane = CompletionLane.background(thread);
    private final List<String> done = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    @Test
    void tailsRunInSubmissionOrder_offTheCallersThread_andDrainWaitsForAll() {
        String caller = Thread.currentThread().getName();
        List<String> threads = new CopyOnWriteArrayList<>();
        for (String run : List.of("a", "b", "c")) {
            lane.submit(run, () -> {
                threads.add(Thread.currentThread().getName());
                done.add(run);
            });
        }

        assertThat(lane.drain()).isEmpty();

        assertThat(done).containsExactly("a", "b", "c");
        assertThat(threads).doesNotContain(caller);
    }

    @Test
    void aFailedTail_stopsTheLaterOnes_andDrainNamesItAndEveryLaterRun() {
        lane.submit("a", () -> done.add("a"));
        lane.submit("b", () -> {
            throw new InfrastructureException("run store unavailable");
        });
        lane.submit("c", () -> done.add("c"));

        assertThat(lane.drain()).containsExactly("b", "c");
        assertThat(done).containsExactly("a");
        // the lane is usable again for the next batch
        lane.submit("d", () -> done.add("d"));
        assertThat(lane.drain()).isEmpty();
        assertThat(done).containsExactly("a", "d");
    }

    @Test
    void awaitRun_waitsForThatRunsTail() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        lane.submit("a", () -> {
            await(release);
            done.add("a");
        });
        Thread releaser = Thread.ofPlatform().start(() -> {
            sleep(50);
            release.countDown();
        });

        lane.awaitRun("a");

        assertThat(done).containsExactly("a");
        releaser.join();
        lane.awaitRun("never-submitted"); // returns at once
    }

    @Test
    void inline_runsOnTheCaller_andItsFailureReachesTheCaller() {
        CompletionLane inline = CompletionLane.inline();
        inline.submit("a", () -> done.add(Thread.currentThread().getName()));

        assertThat(done).containsExactly(Thread.currentThread().getName());
        assertThatThrownBy(() -> inline.submit("b", () -> {
            throw new InfrastructureException("down");
        })).isInstanceOf(InfrastructureException.class);
        assertThat(inline.drain()).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
