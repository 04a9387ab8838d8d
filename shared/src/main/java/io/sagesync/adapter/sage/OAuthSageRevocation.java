package io.sagesync.adapter.sage;

import io.sagesync.log.JsonLog;
import io.sagesync.port.SageRevocation;
import java.util.Objects;
import java.util.Optional;

/** Revokes the stored refresh token at Sage's revoke endpoint (best effort), then clears the token store. */
public final class OAuthSageRevocation implements SageRevocation {
    private static final JsonLog LOG = JsonLog.of(OAuthSageRevocation.class);

    private final SageTokenStore tokens;
    private final SageOAuthClient oauth;

    public OAuthSageRevocation(SageTokenStore tokens, SageOAuthClient oauth) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.oauth = Objects.requireNonNull(oauth, "oauth");
    }

    @Override
    public boolean revokeAndForget() {
        Optional<SageTokenSet> stored = tokens.read();
        stored.ifPresent(t -> {
            try {
                oauth.revoke(t.refreshToken());
            } catch (RuntimeException e) {
                // forgetting the token is what matters; Sage expires an unused one after 31 days
                LOG.warn("sage revoke failed, tokens forgotten anyway", "error", e.getClass().getSimpleName());
            }
        });
        if (stored.isPresent()) {
            tokens.clear();
        }
        return stored.isPresent();
    }
}
