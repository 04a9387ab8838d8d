package io.sagesync.application.admin;

import io.sagesync.domain.BindingState;
import io.sagesync.log.JsonLog;
import io.sagesync.port.BindingStore;
import io.sagesync.port.SageAuthorization;
import io.sagesync.port.SageOAuthException;
import io.sagesync.port.SageTokenCustody;
import io.sagesync.port.SageTokenSet;
import io.sagesync.port.SageTokenStore;
import java.util.Objects;
import java.util.Optional;

/** Revokes the refresh token at Sage (best effort) and forgets the tokens. */
public final class DisconnectSage {
    private static final JsonLog LOG = JsonLog.of(DisconnectSage.class);

    private final SageAuthorization authorization;
    private final SageTokenStore tokens;
    private final SageTokenCustody custody;
    private final BindingStore binding;

    public DisconnectSage(SageAuthorization authorization, SageTokenStore tokens, SageTokenCustody custody,
                          BindingStore binding) {
        this.authorization = Objects.requireNonNull(authorization);
        this.tokens = Objects.requireNonNull(tokens);
        this.custody = Objects.requireNonNull(custody);
        this.binding = Objects.requireNonNull(binding);
    }

    public void disconnect() {
        Optional<SageTokenSet> stored = tokens.read();
        stored.ifPresent(t -> revokeQuietly(authorization, t.refreshToken()));
        tokens.clear();
        custody.invalidate();
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
