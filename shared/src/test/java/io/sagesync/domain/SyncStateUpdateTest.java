package io.sagesync.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyncStateUpdateTest {

    @Test
    void everyString_shouldBeTruncatedTo64Characters() {
        String s65 = "a".repeat(65);

        SyncStateUpdate u = new SyncStateUpdate(EntityType.INVOICE, 1, "p".repeat(70),
                SyncStateUpdate.SyncStatus.FAILED, s65, s65, s65, s65, Instant.EPOCH);

        assertThat(u.provider()).hasSize(64);
        assertThat(u.providerEntityId()).isEqualTo("a".repeat(64));
        assertThat(u.providerReference()).hasSize(64);
        assertThat(u.skipReason()).hasSize(64);
        assertThat(u.errorCode()).hasSize(64);
    }

    @Test
    void truncation_shouldNotSplitASurrogatePair() {
        String reference = "x".repeat(63) + "\uD83D\uDE00" + "tail";

        SyncStateUpdate u = SyncStateUpdate.synced(EntityType.INVOICE, 1, null, reference, Instant.EPOCH);

        assertThat(u.providerReference()).isEqualTo("x".repeat(63) + "\uD83D\uDE00");
        assertThat(u.providerReference().codePointCount(0, u.providerReference().length())).isEqualTo(64);
    }

    @Test
    void shortStringsAndNulls_shouldBeKeptAsIs() {
        SyncStateUpdate u = SyncStateUpdate.synced(EntityType.CUSTOMER, 5, "abc", null, Instant.EPOCH);

        assertThat(u.providerEntityId()).isEqualTo("abc");
        assertThat(u.providerReference()).isNull();
        assertThat(u.provider()).isEqualTo("sage_accounting");
    }

    @Test
    void construction_shouldRejectNonPositiveIdsAndBlankProvider() {
        assertThatThrownBy(() -> SyncStateUpdate.synced(EntityType.INVOICE, 0, null, null, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyncStateUpdate(EntityType.INVOICE, 1, " ", SyncStateUpdate.SyncStatus.SYNCED,
                null, null, null, null, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
    }
}
