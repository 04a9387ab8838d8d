package io.sagesync.testkit.fakes;

import io.sagesync.domain.sage.SageArtefactBalance;
import io.sagesync.domain.sage.SageContactAllocationRequest;
import io.sagesync.domain.sage.SageCreditNoteRequest;
import io.sagesync.port.CreditNoteGateway;
import java.util.Optional;

/**
 * For fakes of {@code SageGateway} in tests that never reach a refund: every credit-note call fails the test, so a
 * fake that is used where it should not be says so loudly instead of answering something made up.
 */
public interface CreditNotesNotExercised extends CreditNoteGateway {

    private static AssertionError notExercised() {
        return new AssertionError("this test's Sage fake does not support credit notes");
    }

    @Override
    default SageArtefactBalance createSalesCreditNote(SageCreditNoteRequest request) {
        throw notExercised();
    }

    @Override
    default Optional<SageArtefactBalance> findSalesCreditNoteByReference(String reference) {
        throw notExercised();
    }

    @Override
    default SageArtefactBalance findSalesCreditNote(String id) {
        throw notExercised();
    }

    @Override
    default SageArtefactBalance findSalesInvoiceBalance(String id) {
        throw notExercised();
    }

    @Override
    default String createContactAllocation(SageContactAllocationRequest request) {
        throw notExercised();
    }

    @Override
    default String findContactPaymentBankAccount(String paymentId) {
        throw notExercised();
    }
}
