package io.sagesync.application;

import io.sagesync.domain.BindingState;
import io.sagesync.domain.ErrorClass;
import io.sagesync.port.BindingStore;
import io.sagesync.port.MagentoCallException;
import java.util.function.Supplier;

/**
 * One canonical GET from Magento with the worker's failure mapping, shared by every entity sync: 404 → not_found,
 * 401/403 → auth and the binding's Magento connection flagged {@code token_revoked}, other 4xx → http, transient →
 * retryable.
 */
final class MagentoFetch {
    private MagentoFetch() {
    }

    /**
     * @param entity the entity's name in the not-found reason, e.g. {@code invoice} → {@code magento_invoice_not_found}
     */
    static String body(Supplier<String> call, BindingStore bindings, String entity) {
        try {
            return call.get();
        } catch (MagentoCallException e) {
            throw switch (e.kind()) {
                case NOT_FOUND -> SyncFailure.permanent(ErrorClass.NOT_FOUND, "magento_" + entity + "_not_found", e);
                case AUTH -> {
                    bindings.flagMagento(BindingState.TOKEN_REVOKED, "magento_answered_" + e.httpStatus());
                    yield SyncFailure.permanent(ErrorClass.AUTH, "magento_token_rejected", e);
                }
                case REJECTED -> SyncFailure.permanent(ErrorClass.HTTP, "magento_rejected_" + e.httpStatus(), e);
                case TRANSIENT -> SyncFailure.retryable(ErrorClass.HTTP, "magento_unavailable_" + e.httpStatus(), e);
            };
        }
    }
}
