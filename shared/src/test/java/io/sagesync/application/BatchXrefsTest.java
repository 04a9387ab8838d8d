package io.sagesync.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagesync.domain.Xref;
import io.sagesync.port.InfrastructureException;
import io.sagesync.testkit.fakes.InMemoryXrefStore;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The batch's view of the cross-references: reads ahead answer the job, its own writes win, writes trail. */
class BatchXrefsTest {
    private final InMemoryXrefStore store = new InMemoryXrefStore();
    private final ExecutorService pool = SyncBatch.Pipeline.threads("test-ahead", 2);
    private final ExecutorService laneThread = SyncBatch.Pipeline.threads("test-lane", 1);
    private final CompletionLane lane = CompletionLane.background(laneThread);
    private final BatchXrefs xrefs = new BatchXrefs(store, pool, lane);

    @AfterEach
    void stop() {
        pool.shutdownNow();
        laneThread.shutdownNow();
    }

    @Test
    void aKeyReadAhead_answersTheJob_withoutReadingAgain() {
        store.put("invoice:1", new Xref("sage-1", "SI-1"));

        xrefs.readAhead(List.of("invoice:1", "contact:M5:GBP"));

        assertThat(xrefs.find("invoice:1")).map(Xref::sageId).contains("sage-1");
        assertThat(xrefs.find("contact:M5:GBP")).isEmpty();
        assertThat(xrefs.find("invoice:1")).isPresent(); // a later job of the batch: still no second read
        assertThat(store.readsOf("invoice:1")).isEqualTo(1);
        assertThat(store.readsOf("contact:M5:GBP")).isEqualTo(1);
    }

    @Test
    void aWriteOfTheBatch_winsOverWhatWasReadAheadBeforeIt() {
        xrefs.readAhead(List.of("contact:M5:GBP"));
        assertThat(xrefs.find("contact:M5:GBP")).isEmpty();

        lane.enter("run-1");
        xrefs.put("contact:M5:GBP", new Xref("contact-5", "REF5"));

        assertThat(xrefs.find("contact:M5:GBP")).map(Xref::sageId).contains("contact-5");
        xrefs.readAhead(List.of("contact:M5:GBP")); // written in the batch: not read again
        assertThat(store.readsOf("contact:M5:GBP")).isEqualTo(1);
    }

    @Test
    void writesTrailOnTheLane_underTheCurrentRun_andAreDurableWhenItDrains() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        lane.enter("run-0");
        lane.submitForCurrentRun(() -> await(hold)); // the lane is busy with an earlier tail
        lane.enter("run-1");

        xrefs.put("invoice:1", new Xref("sage-1", "SI-1"));

        assertThat(store.all()).doesNotContainKey("invoice:1"); // not on this thread
        assertThat(xrefs.find("invoice:1")).isPresent();       // yet visible to the batch
        hold.countDown();
        assertThat(lane.drain()).isEmpty();
        assertThat(store.all()).containsKey("invoice:1");
    }

    @Test
    void aFailedWrite_failsItsRunsTail_soTheMessageReturns() {
        store.failWrites = true;
        lane.enter("run-1");

        xrefs.put("invoice:1", new Xref("sage-1", "SI-1"));

        assertThat(lane.drain()).containsExactly("run-1");
    }

    @Test
    void outsideAnyRun_aWriteHappensAtOnce() {
        xrefs.put("invoice:1", new Xref("sage-1", "SI-1"));

        assertThat(store.all()).containsKey("invoice:1");
    }

    @Test
    void aFailedReadAhead_isReadAgainByTheJob_whoseOwnFailureSurfaces() {
        store.put("invoice:1", new Xref("sage-1", "SI-1"));
        store.failReads.set(1);
        xrefs.readAhead(List.of("invoice:1"));

        assertThat(xrefs.find("invoice:1")).isPresent();
        assertThat(store.readsOf("invoice:1")).isEqualTo(2);

        store.failReads.set(2);
        xrefs.readAhead(List.of("invoice:2"));
        assertThatThrownBy(() -> xrefs.find("invoice:2")).isInstanceOf(InfrastructureException.class);
    }

    @Test
    void aReadHere_answersTheJobToo_andAKeyTheBatchWroteIsNotRead() {
        assertThat(xrefs.readHere("contact:M5:GBP")).isEmpty();
        assertThat(xrefs.find("contact:M5:GBP")).isEmpty();
        assertThat(store.readsOf("contact:M5:GBP")).isEqualTo(1);

        lane.enter("run-1");
        xrefs.put("contact:M6:GBP", new Xref("contact-6", "REF6"));
        assertThat(xrefs.readHere("contact:M6:GBP")).map(Xref::sageId).contains("contact-6");
        assertThat(store.readsOf("contact:M6:GBP")).isZero();
    }

    @Test
    void aFailedReadHere_failsThePreparation_andTheJobReadsAgain() {
        store.put("contact:M5:GBP", new Xref("contact-5", "REF5"));
        store.failReads.set(1);

        assertThatThrownBy(() -> xrefs.readHere("contact:M5:GBP")).isInstanceOf(InfrastructureException.class);

        assertThat(xrefs.find("contact:M5:GBP")).isPresent();
        assertThat(store.readsOf("contact:M5:GBP")).isEqualTo(2);
    }

    @Test
    void forget_dropsReadsAndWrites_soTheNextBatchReadsTheStore() {
        xrefs.readAhead(List.of("invoice:1"));
        assertThat(xrefs.find("invoice:1")).isEmpty();
        store.put("invoice:1", new Xref("sage-1", "SI-1")); // e.g. made durable by the lane

        xrefs.forget();

        assertThat(xrefs.find("invoice:1")).isPresent();
        assertThat(store.readsOf("invoice:1")).isEqualTo(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
