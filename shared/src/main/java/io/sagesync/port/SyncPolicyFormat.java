package io.sagesync.port;

import io.sagesync.domain.policy.SyncPolicy;

/** The sync policy's document form (the {@code settings} JSON the admin reads and writes). */
public interface SyncPolicyFormat {
    /**
     * @throws io.sagesync.domain.policy.PolicyValidationException with one message per offending field
     */
    SyncPolicy parse(String document);

    String serialise(SyncPolicy policy);
}
