package io.sagesync.port;

import io.sagesync.domain.BindingState;
import io.sagesync.domain.policy.SyncPolicy;

/**
 * The tenant binding: its sync policy and its connection flags. All methods throw {@link InfrastructureException}
 * when the store is unavailable.
 */
public interface BindingStore {
    /** The stored policy, or {@link SyncPolicy#defaults()} when none was saved. */
    SyncPolicy policy();

    void savePolicy(SyncPolicy policy);

    BindingState state();

    /** Flags the Magento channel (e.g. {@code token_revoked} after a 401 from Magento). */
    void flagMagento(String status, String reason);

    /** Flags the Sage connection (e.g. {@code needs_reauth} after {@code invalid_grant}). */
    void flagSage(String status, String reason);
}
