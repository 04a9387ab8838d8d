package io.sagesync.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.sagesync.domain.SyncStateUpdate;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {

    @Test
    void priming_roundTripsAPushJob() {
        var job = SnapStartPriming.prime();

        assertThat(job.runId()).isEqualTo("prime");
        assertThat(job.update().syncStatus()).isEqualTo(SyncStateUpdate.SyncStatus.FAILED);
        assertThat(job.update().errorCode()).isEqualTo("prime_error");
    }

    @Test
    void beforeCheckpoint_primes_andAfterRestore_doesNothingThatCanFail() {
        SnapStartPriming resource = new SnapStartPriming();

        // what Lambda's SnapStart runtime calls on each registered resource around the snapshot
        assertThatCode(() -> resource.beforeCheckpoint(null)).doesNotThrowAnyException();
        assertThatCode(() -> resource.afterRestore(null)).doesNotThrowAnyException();
    }
}
