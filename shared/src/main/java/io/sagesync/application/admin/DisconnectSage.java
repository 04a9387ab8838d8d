package io.sagesync.application.admin;

import io.sagesync.domain.BindingState;
import io.sagesync.log.Log;
import io.sagesync.port.BindingStore;
import io.sagesync.port.SageAuthorization;
import io.sagesync.port.SageOAuthException;
import io.sagesync.port.SageTokenCustody;
import io.sagesync.port.SageTokenSet;
import java.util.Objects;
import java.util.Optional;

/** Revokes the refresh token at Sage (best effort) and forgets the tokens, under the token lease. */
public final class DisconnectSage {
    private static final Log LOG = Log.of(DisconnectSage.class);

    private final SageAuthorization authorization;
    private final SageTokenCustody custody;
    private final BindingStore binding;

    public DisconnectSage(SageAuthorization authorization, SageTokenCustody custody, BindingStore binding) {
        this.authorization = Objects.requireNonNull(authorization);
        this.custody = Objects.requireNonNull(custody);
        this.binding = Objects.requireNonNull(binding);
    }

    public void disconnect() {
        // under the token lease: a refresh in flight cannot store a pair after we cleared (or revoke its token)
        Optional<SageTokenSet> stored = custody.clear(t -> revokeQuietly(authorization, t.refreshToken()));
        binding.flagSage(BindingState.NOT_CONNECTED, "disconnected by the operator");
        LOG.info("sage disconnected", "had_tokens", stored.isPresent());
    }

    /** A failed revoke is logged, not fatal: the tokens are forgotten either way. */
    static void revokeQuietly(SageAuthorization authorization, String refreshToken) {
        try {
            authorization.revoke(refreshToken);
        } catch (SageOAuthException e) {
            LOG.warn("sage revoke failed", "error", e.error(), "status", e.status());
        }
    }
}
