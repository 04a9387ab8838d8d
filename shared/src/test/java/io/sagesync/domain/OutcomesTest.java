package io.sagesync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.domain.SyncStateUpdate.SyncStatus;
import io.sagesync.domain.policy.SkipReason;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OutcomesTest {
    private static final Instant STARTED = Instant.parse("2026-04-30T10:12:01Z");
    private static final Instant AT = Instant.parse("2026-04-30T10:12:03Z");
    private static final Xref INVOICE_IN_SAGE = new Xref("inv-sage", "SI-27");

    private static RunOutcome succeeded(String sageId, String reference) {
        return RunOutcome.succeeded(sageId, reference, false, STARTED, AT);
    }

    private static RunOutcome skipped(String reason) {
        return RunOutcome.skipped(reason, STARTED, AT);
    }

    private static RunOutcome failed(ErrorClass errorClass) {
        return RunOutcome.failed(errorClass, "short message", STARTED, AT);
    }

    @Test
    void succeededInvoice_isSyncedWithItsSageIdAndReference_atTheFinishTime() {
        SyncStateUpdate u = Outcomes.toUpdate(EventName.INVOICE_CREATED, 42, succeeded("sage-1", "SI-27"));

        assertThat(u).isEqualTo(new SyncStateUpdate(EntityType.INVOICE, 42, "sage_accounting", SyncStatus.SYNCED,
                "sage-1", "SI-27", null, null, AT));
    }

    @ParameterizedTest
    @EnumSource(SkipReason.class)
    void everyPolicySkip_ofAnInvoice_isSkippedWithItsCode(SkipReason reason) {
        SyncStateUpdate u = Outcomes.toUpdate(EventName.INVOICE_CREATED, 42, skipped(reason.code()));

        assertThat(u.syncStatus()).isEqualTo(SyncStatus.SKIPPED);
        assertThat(u.skipReason()).isEqualTo(reason.code());
        assertThat(u.errorCode()).isNull();
        assertThat(Outcomes.SKIP_REASONS).contains(reason.code());
    }

    @ParameterizedTest
    @EnumSource(ErrorClass.class)
    void everyErrorClass_ofACreditMemo_isFailedWithTheClassAsErrorCode(ErrorClass errorClass) {
        SyncStateUpdate u = Outcomes.toUpdate(EventName.CREDITMEMO_CREATED, 17, failed(errorClass));

        assertThat(u.entityType()).isEqualTo(EntityType.CREDITMEMO);
        assertThat(u.syncStatus()).isEqualTo(SyncStatus.FAILED);
        assertThat(u.errorCode()).isEqualTo(errorClass.wireName());
        assertThat(u.providerEntityId()).isNull();
    }

    @Test
    void customerAndProductEvents_writeTheirOwnRows_andIgnoreAnInvoiceXref() {
        assertThat(Outcomes.toUpdate(EventName.CUSTOMER_UPSERTED, 5, succeeded("c-1", null), INVOICE_IN_SAGE))
                .extracting(SyncStateUpdate::entityType, SyncStateUpdate::providerEntityId)
                .containsExactly(EntityType.CUSTOMER, "c-1");
        assertThat(Outcomes.toUpdate(EventName.PRODUCT_UPSERTED, 301, skipped("product_sync_disabled"))
                .skipReason()).isEqualTo("product_sync_disabled");
    }

    @Test
    void invoiceCreatedSkip_isShownEvenIfAnXrefIsPassed_becauseOnlyPaymentsShareTheRowThatWay() {
        assertThat(Outcomes.toUpdate(EventName.INVOICE_CREATED, 42, skipped("zero_value_invoice"), INVOICE_IN_SAGE)
                .syncStatus()).isEqualTo(SyncStatus.SKIPPED);
    }

    // ---- the invoice row shared by invoice.created and invoice.paid ------------------------------------------------

    @Test
    void paymentSuccess_rePushesSyncedWithTheInvoicesSageIds() {
        SyncStateUpdate u = Outcomes.toUpdate(EventName.INVOICE_PAID, 42, succeeded("payment-artefact", null),
                INVOICE_IN_SAGE);

        assertThat(u.entityType()).isEqualTo(EntityType.INVOICE);
        assertThat(u.syncStatus()).isEqualTo(SyncStatus.SYNCED);
        assertThat(u.providerEntityId()).isEqualTo("inv-sage");
        assertThat(u.providerReference()).isEqualTo("SI-27");
    }

    @Test
    void paymentSkip_ofAnInvoiceAlreadyInSage_keepsItSynced_andDoesNotShowTheSkip() {
        SyncStateUpdate u = Outcomes.toUpdate(EventName.INVOICE_PAID, 42, skipped("payment_method_not_mapped"),
                INVOICE_IN_SAGE);

        assertThat(u.syncStatus()).isEqualTo(SyncStatus.SYNCED);
        assertThat(u.providerEntityId()).isEqualTo("inv-sage");
        assertThat(u.providerReference()).isEqualTo("SI-27");
        assertThat(u.skipReason()).isNull();
    }

    @Test
    void paymentSkip_ofAnInvoiceNotInSage_showsTheSkipHonestly() {
        SyncStateUpdate u = Outcomes.toUpdate(EventName.INVOICE_PAID, 42, skipped("outside_sync_since"), null);

        assertThat(u.syncStatus()).isEqualTo(SyncStatus.SKIPPED);
        assertThat(u.skipReason()).isEqualTo("outside_sync_since");
    }

    @ParameterizedTest
    @EnumSource(ErrorClass.class)
    void paymentFailure_isFailedWithAPaymentPrefixedCode_evenWhenTheInvoiceIsInSage(ErrorClass errorClass) {
        SyncStateUpdate u = Outcomes.toUpdate(EventName.INVOICE_PAID, 42, failed(errorClass), INVOICE_IN_SAGE);

        assertThat(u.syncStatus()).isEqualTo(SyncStatus.FAILED);
        assertThat(u.errorCode()).isEqualTo("payment_" + errorClass.wireName()).hasSizeLessThanOrEqualTo(64);
        assertThat(u.providerEntityId()).isNull();
    }

    @Test
    void paymentFailure_flipsBackToSynced_whenALaterPaymentAttemptSucceeds() {
        SyncStateUpdate failedFirst = Outcomes.toUpdate(EventName.INVOICE_PAID, 42, failed(ErrorClass.VALIDATION),
                INVOICE_IN_SAGE);
        SyncStateUpdate thenOk = Outcomes.toUpdate(EventName.INVOICE_PAID, 42, succeeded(null, null),
                INVOICE_IN_SAGE);

        assertThat(failedFirst.syncStatus()).isEqualTo(SyncStatus.FAILED);
        assertThat(thenOk.syncStatus()).isEqualTo(SyncStatus.SYNCED);
        assertThat(thenOk.errorCode()).isNull();
        assertThat(thenOk.providerReference()).isEqualTo("SI-27");
    }

    @Test
    void invoiceFailure_isNotPrefixed_soTheMerchantCanTellInvoiceFromPaymentProblems() {
        assertThat(Outcomes.toUpdate(EventName.INVOICE_CREATED, 42, failed(ErrorClass.VALIDATION)).errorCode())
                .isEqualTo("validation");
    }

    @Test
    void pushJob_carriesTheRunAndEvent_withTheMappedUpdate() {
        PushJob job = Outcomes.pushJob("r-1", EventName.INVOICE_PAID, 42, skipped("payment_method_not_mapped"),
                INVOICE_IN_SAGE);

        assertThat(job.runId()).isEqualTo("r-1");
        assertThat(job.event()).isEqualTo(EventName.INVOICE_PAID);
        assertThat(job.update().syncStatus()).isEqualTo(SyncStatus.SYNCED);
    }

    @Test
    void longSageReferences_areCutTo64Characters() {
        SyncStateUpdate u = Outcomes.toUpdate(EventName.INVOICE_CREATED, 42, succeeded("x".repeat(80),
                "r".repeat(70)));

        assertThat(u.providerEntityId()).hasSize(64);
        assertThat(u.providerReference()).hasSize(64);
    }
}
