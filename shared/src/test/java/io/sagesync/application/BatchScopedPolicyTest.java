package io.sagesync.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagesync.domain.BindingState;
import io.sagesync.domain.policy.PolicyValidationException;
import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.testkit.fakes.InMemoryBindingStore;
import org.junit.jupiter.api.Test;

class BatchScopedPolicyTest {
    private final InMemoryBindingStore store = new InMemoryBindingStore();
    private final BatchScopedPolicy batch = new BatchScopedPolicy(store);

    @Test
    void aPolicySavedInTheStoreMeanwhile_isSeenAfterForget() {
        SyncPolicy before = batch.policy();
        SyncPolicy changed = changed();
        store.savePolicy(changed);

        assertThat(batch.policy()).isEqualTo(before);
        batch.forget();
        assertThat(batch.policy()).isEqualTo(changed);
    }

    @Test
    void savingThroughIt_writesTheStore_andDropsTheCopy() {
        SyncPolicy changed = changed();
        batch.policy();

        batch.savePolicy(changed);

        assertThat(store.policy()).isEqualTo(changed);
        assertThat(batch.policy()).isEqualTo(changed);
    }

    @Test
    void anInvalidStoredPolicy_isNeverKept_everyReadFailsAgain() {
        store.policyFailure = new PolicyValidationException(java.util.List.of("tax_rate_map: bad"));

        assertThatThrownBy(batch::policy).isInstanceOf(PolicyValidationException.class);
        assertThatThrownBy(batch::policy).isInstanceOf(PolicyValidationException.class);
        assertThat(store.policyReads).isEqualTo(2);
    }

    /** The defaults with another tax rate id: a policy the merchant changed. */
    private static SyncPolicy changed() {
        return SyncPolicy.defaults().completedWith("GB_ZERO", null, null, "GBP", "GB");
    }

    @Test
    void flagsGoStraightToTheStore() {
        batch.flagMagento(BindingState.TOKEN_REVOKED, "magento_answered_401");

        assertThat(store.state().magentoConnection()).isEqualTo(BindingState.TOKEN_REVOKED);
        assertThat(batch.state()).isEqualTo(store.state());
    }
}
