package io.sagesync.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagesync.domain.SyncStateUpdate.SyncStatus;
import io.sagesync.domain.policy.SkipReason;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OutcomesTest {
    private static final Instant AT = Instant.parse("2026-04-30T10:12:03Z");

    @Test
    void succeededInvoice_isSyncedWithItsSageIdAndReference() {
        SyncStateUpdate u = Outcomes.toUpdate(RunOutcome.succeeded(EventName.INVOICE_CREATED, 42, "sage-1", "SI-27",
                AT));

        assertThat(u).isEqualTo(new SyncStateUpdate(EntityType.INVOICE, 42, "sage_accounting", SyncStatus.SYNCED,
                "sage-1", "SI-27", null, null, AT));
    }

    @ParameterizedTest
    @EnumSource(SkipReason.class)
    void everyPolicySkip_ofAnInvoice_isSkippedWithItsCode(SkipReason reason) {
        SyncStateUpdate u = Outcomes.toUpdate(RunOutcome.skipped(EventName.INVOICE_CREATED, 42, reason.code(), null,
                null, AT));

        assertThat(u.syncStatus()).isEqualTo(SyncStatus.SKIPPED);
        assertThat(u.skipReason()).isEqualTo(reason.code());
        assertThat(u.errorCode()).isNull();
        assertThat(Outcomes.SKIP_REASONS).contains(reason.code());
    }

    @ParameterizedTest
    @EnumSource(ErrorClass.class)
    void everyErrorClass_ofACreditMemo_isFailedWithTheClassAsErrorCode(ErrorClass errorClass) {
        SyncStateUpdate u = Outcomes.toUpdate(RunOutcome.failed(EventName.CREDITMEMO_CREATED, 17, errorClass, AT));

        assertThat(u.entityType()).isEqualTo(EntityType.CREDITMEMO);
        assertThat(u.syncStatus()).isEqualTo(SyncStatus.FAILED);
        assertThat(u.errorCode()).isEqualTo(errorClass.wireName());
        assertThat(u.providerEntityId()).isNull();
    }

    @Test
    void customerAndProductEvents_writeTheirOwnRows() {
        assertThat(Outcomes.toUpdate(RunOutcome.succeeded(EventName.CUSTOMER_UPSERTED, 5, "c-1", null, AT))
                .entityType()).isEqualTo(EntityType.CUSTOMER);
        assertThat(Outcomes.toUpdate(RunOutcome.skipped(EventName.PRODUCT_UPSERTED, 301, "product_sync_disabled",
                null, null, AT)).skipReason()).isEqualTo("product_sync_disabled");
    }

    // ---- the invoice row shared by invoice.created and invoice.paid ------------------------------------------------

    @Test
    void paymentSuccess_rePushesSyncedWithTheInvoicesSageIds() {
        SyncStateUpdate u = Outcomes.toUpdate(RunOutcome.succeeded(EventName.INVOICE_PAID, 42, "inv-sage", "SI-27",
                AT));

        assertThat(u.entityType()).isEqualTo(EntityType.INVOICE);
        assertThat(u.syncStatus()).isEqualTo(SyncStatus.SYNCED);
        assertThat(u.providerEntityId()).isEqualTo("inv-sage");
        assertThat(u.providerReference()).isEqualTo("SI-27");
    }

    @Test
    void paymentSkip_ofAnInvoiceAlreadyInSage_keepsItSynced_andDoesNotShowTheSkip() {
        SyncStateUpdate u = Outcomes.toUpdate(RunOutcome.skipped(EventName.INVOICE_PAID, 42,
                "payment_method_not_mapped", "inv-sage", "SI-27", AT));

        assertThat(u.syncStatus()).isEqualTo(SyncStatus.SYNCED);
        assertThat(u.providerEntityId()).isEqualTo("inv-sage");
        assertThat(u.providerReference()).isEqualTo("SI-27");
        assertThat(u.skipReason()).isNull();
    }

    @Test
    void paymentSkip_ofAnInvoiceNotInSage_showsTheSkipHonestly() {
        SyncStateUpdate u = Outcomes.toUpdate(RunOutcome.skipped(EventName.INVOICE_PAID, 42, "outside_sync_since",
                null, null, AT));

        assertThat(u.syncStatus()).isEqualTo(SyncStatus.SKIPPED);
        assertThat(u.skipReason()).isEqualTo("outside_sync_since");
    }

    @ParameterizedTest
    @EnumSource(ErrorClass.class)
    void paymentFailure_isFailedWithAPaymentPrefixedCode(ErrorClass errorClass) {
        SyncStateUpdate u = Outcomes.toUpdate(RunOutcome.failed(EventName.INVOICE_PAID, 42, errorClass, AT));

        assertThat(u.syncStatus()).isEqualTo(SyncStatus.FAILED);
        assertThat(u.errorCode()).isEqualTo("payment_" + errorClass.wireName()).hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void invoiceFailure_isNotPrefixed_soTheMerchantCanTellInvoiceFromPaymentProblems() {
        assertThat(Outcomes.toUpdate(RunOutcome.failed(EventName.INVOICE_CREATED, 42, ErrorClass.VALIDATION, AT))
                .errorCode()).isEqualTo("validation");
    }

    @Test
    void terminalRun_mapsThroughItsRecordedFields() {
        SyncRun run = new SyncRun("r-1", "t", EventName.INVOICE_CREATED, 42, "invoice.created:42", RunStatus.SKIPPED,
                1, 1, true, AT.minusSeconds(5), AT, null, "zero_value_invoice", null, null);

        SyncStateUpdate u = Outcomes.toUpdate(RunOutcome.of(run));

        assertThat(u.syncStatus()).isEqualTo(SyncStatus.SKIPPED);
        assertThat(u.skipReason()).isEqualTo("zero_value_invoice");
        assertThat(u.lastSyncAt()).isEqualTo(AT);
        assertThat(Outcomes.pushJob("r-1", RunOutcome.of(run))).isEqualTo(new PushJob("r-1",
                EventName.INVOICE_CREATED, u));
    }

    @Test
    void nonTerminalRuns_andIncompleteOutcomes_areRefused_soPendingCanNeverBeSent() {
        assertThatThrownBy(() -> new RunOutcome(EventName.INVOICE_CREATED, 1, RunStatus.RUNNING, null, null, null,
                null, AT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunOutcome.failed(EventName.INVOICE_CREATED, 1, null, AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunOutcome.skipped(EventName.INVOICE_CREATED, 1, " ", null, null, AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void longSageReferences_areCutTo64Characters() {
        SyncStateUpdate u = Outcomes.toUpdate(RunOutcome.succeeded(EventName.INVOICE_CREATED, 42, "x".repeat(80),
                "r".repeat(70), AT));

        assertThat(u.providerEntityId()).hasSize(64);
        assertThat(u.providerReference()).hasSize(64);
    }
}
