package io.sagesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {

    @Test
    void priming_mapsTheBundledInvoice_intoASageRequest() {
        String body = SnapStartPriming.prime();

        assertThat(body).contains("\"contact_id\":\"prime-contact\"").contains("\"ledger_account_id\":\"prime-ledger\"")
                .contains("invoice_lines");
    }

    @Test
    void beforeCheckpoint_primes_andAfterRestore_doesNothingThatCanFail() {
        SnapStartPriming resource = new SnapStartPriming();

        // what Lambda's SnapStart runtime calls on each registered resource around the snapshot
        assertThatCode(() -> resource.beforeCheckpoint(null)).doesNotThrowAnyException();
        assertThatCode(() -> resource.afterRestore(null)).doesNotThrowAnyException();
    }
}
