package io.sagesync.adapter.sage.oauth;

import io.sagesync.port.SageOAuthException;
import io.sagesync.port.SageTokenSet;
import java.time.Duration;

/** Sage's token endpoint as the token custodian uses it: spend a refresh token, within a deadline. */
public interface SageTokenEndpoint {
    /**
     * Spends {@code refreshToken} for a new pair (business id not set), giving up after {@code deadline}.
     *
     * @throws SageOAuthException on a refusal ({@code invalid_grant}), a failure, or the deadline
     */
    SageTokenSet refresh(String refreshToken, Duration deadline);
}
