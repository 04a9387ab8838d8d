package io.sagesync.application.module;

import io.sagesync.domain.BindingState;
import io.sagesync.log.JsonLog;
import io.sagesync.port.BindingStore;
import io.sagesync.application.admin.DisconnectSage;
import java.util.Objects;

/**
 * {@code POST /v1/tenant/disconnect}: the merchant clicked Disconnect in Magento (and Magento clears its credentials
 * whatever we answer). Revokes and forgets the Sage tokens (so the daily keep-alive finds nothing to renew), marks
 * the Magento channel {@code disconnected} (so pushes stop), keeps the cross-references (so pairing again never
 * duplicates Sage records). Naturally idempotent: a repeat, with the same Idempotency-Key or not, finds nothing left
 * to revoke and gets the same answer. Pairing again marks the channel active.
 */
public final class DisconnectTenant {
    private static final JsonLog LOG = JsonLog.of(DisconnectTenant.class);

    private final BindingStore binding;
    private final DisconnectSage sage;

    public DisconnectTenant(BindingStore binding, DisconnectSage sage) {
        this.binding = Objects.requireNonNull(binding, "binding");
        this.sage = Objects.requireNonNull(sage, "sage");
    }

    /** @param idempotencyKey the module's {@code disconnect:<sha1(tenant)>}, logged for the audit trail */
    public void disconnect(String idempotencyKey) {
        // the Magento flag first: from here on no push goes out, even if Sage is slow to answer the revoke
        binding.flagMagento(BindingState.DISCONNECTED, "disconnected in Magento");
        sage.disconnect();
        LOG.info("tenant disconnected", "idempotency_key", idempotencyKey == null ? null
                : idempotencyKey.substring(0, Math.min(80, idempotencyKey.length())));
    }
}
