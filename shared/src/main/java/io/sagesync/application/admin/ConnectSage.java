package io.sagesync.application.admin;

import io.sagesync.domain.BindingState;
import io.sagesync.log.Log;
import io.sagesync.port.BindingStore;
import io.sagesync.port.OAuthStateStore;
import io.sagesync.port.SageAccounts;
import io.sagesync.port.SageAuthorization;
import io.sagesync.port.SageCallException;
import io.sagesync.port.SageOAuthException;
import io.sagesync.port.SageTokenCustody;
import io.sagesync.port.SageTokenSet;
import io.sagesync.security.Pkce;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Connects the tenant to a Sage business: authorization code + PKCE S256 + a single-use state. {@link #start}
 * issues the authorisation URL; {@link #finish} redeems what Sage sends back, picks the business and stores the
 * tokens. Codes, verifiers and tokens stay inside; results carry ids and names only.
 */
public final class ConnectSage {
    private static final Log LOG = Log.of(ConnectSage.class);

    /** A connected business. */
    public record Connected(String businessId, String businessName) {
    }

    private final SageAuthorization authorization;
    private final OAuthStateStore states;
    private final SageAccounts accounts;
    private final SageTokenCustody custody;
    private final BindingStore binding;
    private final RefreshSageReference reference;
    private final Random random;

    /** @param random source of states and PKCE verifiers: a {@code SecureRandom} in production */
    public ConnectSage(SageAuthorization authorization, OAuthStateStore states, SageAccounts accounts,
                       SageTokenCustody custody, BindingStore binding,
                       RefreshSageReference reference, Random random) {
        this.authorization = Objects.requireNonNull(authorization);
        this.states = Objects.requireNonNull(states);
        this.accounts = Objects.requireNonNull(accounts);
        this.custody = Objects.requireNonNull(custody);
        this.binding = Objects.requireNonNull(binding);
        this.reference = Objects.requireNonNull(reference);
        this.random = Objects.requireNonNull(random);
    }

    /** The URL the merchant opens to authorise; valid for {@link OAuthStateStore#STATE_TTL}, once. */
    public String start(String businessId) {
        return start(businessId, false);
    }

    /**
     * @param replaceActive whether the callback may replace an active connection to another business (the operator
     *                      confirms it here, behind IAM; the public callback alone never can)
     */
    public String start(String businessId, boolean replaceActive) {
        if (!authorization.redirectConfigured()) {
            throw new AdminException("not_configured", "SAGESYNC_SAGE_REDIRECT_URI is not set: deploy with the "
                    + "SageRedirectUri parameter (the callback URL registered with your Sage app)");
        }
        String state = Pkce.randomToken(random);
        String verifier = Pkce.randomToken(random);
        states.save(state, new OAuthStateStore.PendingAuthorization(verifier, blankToNull(businessId),
                replaceActive));
        LOG.info("sage connect started");
        return authorization.authorizationUrl(state, Pkce.s256(verifier));
    }

    /** The callback: consumes the state, exchanges the code, picks the business and stores the tokens. */
    public Connected finish(String code, String state) {
        var pending = states.take(state).orElseThrow(() -> new AdminException("invalid_state",
                "this Sage authorisation link is unknown, expired (10 minutes) or already used: run "
                        + "sage_connect_start again"));
        if (code == null || code.isBlank()) {
            throw new AdminException("missing_code", "Sage did not return an authorisation code");
        }
        SageTokenSet fresh;
        try {
            fresh = authorization.exchangeCode(code, pending.codeVerifier());
        } catch (SageOAuthException e) {
            throw new AdminException("code_exchange_failed", e.isInvalidGrant()
                    ? "Sage refused the authorisation code (it is single use and expires after 60 s, and the "
                    + "redirect URI must match the Sage app exactly): run sage_connect_start again"
                    : "Sage's token endpoint failed (" + e.error() + "); try again", e);
        }
        Map<String, String> businesses = businesses(fresh.accessToken());
        String chosen = choose(businesses, pending.businessId());
        if (chosen == null) {
            revokeQuietly(fresh.refreshToken());
            throw new AdminException("choose_business", "this Sage login can access several businesses; run "
                    + "sage_connect_start with business_id set to one of: " + describe(businesses));
        }
        // under the token lease: a refresh in flight finishes first, and the check sees what is stored when we write
        custody.replace(fresh.withBusinessId(chosen),
                stored -> refuseUnconfirmedReplacement(chosen, pending.replaceConfirmed(), fresh, stored));
        binding.flagSage(BindingState.ACTIVE, "connected to Sage business " + chosen);
        LOG.info("sage connected", "business_id", chosen);
        try {
            reference.refresh();
        } catch (RuntimeException e) {
            LOG.warn("reference cache not refreshed after connect", "error", e.getClass().getSimpleName());
        }
        return new Connected(chosen, businesses.get(chosen));
    }

    /**
     * The callback is a public URL: it must not switch an active stack to another Sage business (its invoices would
     * start landing elsewhere) unless the operator started the connect with {@code replace: true}. Re-authorising
     * the same business is always allowed.
     */
    private void refuseUnconfirmedReplacement(String chosen, boolean confirmed, SageTokenSet fresh,
                                              java.util.Optional<SageTokenSet> stored) {
        if (confirmed || !BindingState.ACTIVE.equals(binding.state().sageConnection())) {
            return;
        }
        String current = stored.map(SageTokenSet::businessId).orElse(null);
        if (current != null && !current.equals(chosen)) {
            revokeQuietly(fresh.refreshToken());
            throw new AdminException("confirm_replace", "this stack is connected to Sage business " + current
                    + "; to switch to " + chosen + " run sage_connect_start with \"replace\": true");
        }
    }

    private Map<String, String> businesses(String accessToken) {
        try {
            return accounts.businesses(accessToken);
        } catch (SageCallException e) {
            String why = e.httpStatus() != 0
                    ? "Sage answered " + e.httpStatus() + " to GET /businesses; try sage_connect_start again"
                    : "interrupted".equals(e.detail()) ? "interrupted"
                    : "could not list Sage businesses (" + e.detail() + "); try again";
            throw new AdminException("businesses_failed", why, e);
        }
    }

    private static String choose(Map<String, String> businesses, String requested) {
        if (requested != null) {
            if (!businesses.containsKey(requested)) {
                throw new AdminException("unknown_business", "business_id " + requested + " is not accessible "
                        + "with this Sage login; choose one of: " + describe(businesses));
            }
            return requested;
        }
        if (businesses.isEmpty()) {
            throw new AdminException("no_business", "this Sage login has no business");
        }
        return businesses.size() == 1 ? businesses.keySet().iterator().next() : null;
    }

    private static String describe(Map<String, String> businesses) {
        return businesses.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    private void revokeQuietly(String refreshToken) {
        DisconnectSage.revokeQuietly(authorization, refreshToken);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
