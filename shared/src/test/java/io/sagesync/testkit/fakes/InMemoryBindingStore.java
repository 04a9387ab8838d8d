package io.sagesync.testkit.fakes;

import io.sagesync.domain.BindingState;
import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.port.BindingStore;

/** {@link BindingStore} in memory, starting from the documented defaults. */
public final class InMemoryBindingStore implements BindingStore {
    private SyncPolicy policy = SyncPolicy.defaults();
    private BindingState state = BindingState.initial();
    /** Policy reads so far. */
    public int policyReads;
    /** Thrown by every policy read while set (a stored policy that no longer validates). */
    public io.sagesync.domain.policy.PolicyValidationException policyFailure;

    @Override
    public synchronized SyncPolicy policy() {
        policyReads++;
        if (policyFailure != null) {
            throw policyFailure;
        }
        return policy;
    }

    @Override
    public synchronized void savePolicy(SyncPolicy policy) {
        this.policy = policy;
    }

    @Override
    public synchronized BindingState state() {
        return state;
    }

    @Override
    public synchronized void flagMagento(String status, String reason) {
        state = new BindingState(status, state.sageConnection(), reason, state.updatedAt());
    }

    @Override
    public synchronized void flagSage(String status, String reason) {
        state = new BindingState(state.magentoConnection(), status, reason, state.updatedAt());
    }
}
