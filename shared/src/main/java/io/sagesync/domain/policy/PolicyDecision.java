package io.sagesync.domain.policy;

import java.util.Optional;

/**
 * Outcome of policy evaluation: proceed, or skip with a reason.
 *
 * @param skipReason null when the entity should be synced
 */
public record PolicyDecision(SkipReason skipReason) {
    private static final PolicyDecision PROCEED = new PolicyDecision(null);

    public static PolicyDecision proceed() {
        return PROCEED;
    }

    public static PolicyDecision skip(SkipReason reason) {
        return new PolicyDecision(java.util.Objects.requireNonNull(reason));
    }

    public boolean shouldProceed() {
        return skipReason == null;
    }

    public Optional<SkipReason> reason() {
        return Optional.ofNullable(skipReason);
    }
}
