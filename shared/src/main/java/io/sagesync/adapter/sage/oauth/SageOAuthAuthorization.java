package io.sagesync.adapter.sage.oauth;

import io.sagesync.port.SageAuthorization;
import io.sagesync.port.SageTokenSet;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@link SageAuthorization} for Sage's OAuth 2.0 server: the authorize URL (code flow, {@code full_access},
 * PKCE S256) and the token and revoke endpoints through {@link SageOAuthClient}.
 */
public final class SageOAuthAuthorization implements SageAuthorization {
    private final SageOAuthClient oauth;
    private final Supplier<SageAppCredentials> app;
    private final String authorizeUrl;
    private final String redirectUri;

    /**
     * @param authorizeUrl Sage's authorize endpoint
     * @param redirectUri  the callback URL registered with the Sage app, character for character; blank when the
     *                     stack was deployed without one
     */
    public SageOAuthAuthorization(SageOAuthClient oauth, Supplier<SageAppCredentials> app, String authorizeUrl,
                                  String redirectUri) {
        this.oauth = Objects.requireNonNull(oauth);
        this.app = Objects.requireNonNull(app);
        this.authorizeUrl = Objects.requireNonNull(authorizeUrl);
        this.redirectUri = redirectUri == null ? "" : redirectUri;
    }

    @Override
    public boolean redirectConfigured() {
        return !redirectUri.isBlank();
    }

    @Override
    public String authorizationUrl(String state, String codeChallenge) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", app.get().clientId());
        params.put("redirect_uri", redirectUri);
        params.put("scope", "full_access");
        params.put("state", state);
        params.put("code_challenge", codeChallenge);
        params.put("code_challenge_method", "S256");
        return authorizeUrl + (authorizeUrl.contains("?") ? "&" : "?") + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Override
    public SageTokenSet exchangeCode(String code, String codeVerifier) {
        return oauth.exchangeCode(code, redirectUri, codeVerifier);
    }

    @Override
    public void revoke(String refreshToken) {
        oauth.revoke(refreshToken);
    }
}
