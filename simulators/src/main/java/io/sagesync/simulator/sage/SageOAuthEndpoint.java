package io.sagesync.simulator.sage;

import static io.sagesync.simulator.sage.SageHttp.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.simulator.sage.SageHttp.Reply;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The simulator's OAuth server endpoints: {@code /oauth/authorize}, {@code /oauth/token}, {@code /oauth/revoke}. */
final class SageOAuthEndpoint {
    private final SageOAuth oauth;

    SageOAuthEndpoint(SageOAuth oauth) {
        this.oauth = oauth;
    }

    Reply handle(String method, String rawPath, URI uri, byte[] body) {
        if ("/oauth/authorize".equals(rawPath) && "GET".equals(method)) {
            Map<String, String> query = SageHttp.parseForm(uri.getRawQuery());
            String redirect = query.get("redirect_uri");
            if (redirect == null) {
                return new Reply(400, oauthError("invalid_request", "redirect_uri is required"));
            }
            String code = oauth.issueAuthorizationCode(redirect);
            String location = redirect + (redirect.contains("?") ? "&" : "?") + "code="
                    + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&country=GB"
                    + (query.containsKey("state")
                    ? "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8) : "");
            return new Reply(302, null, Map.of("Location", location));
        }
        if (!"POST".equals(method)) {
            return new Reply(405, oauthError("invalid_request", "method not allowed"));
        }
        Map<String, String> form = SageHttp.parseForm(new String(body, StandardCharsets.UTF_8));
        if ("/oauth/revoke".equals(rawPath)) {
            oauth.revoke(form.get("token"));
            return new Reply(200, JSON.createObjectNode().put("success", "ok"));
        }
        if (!"/oauth/token".equals(rawPath)) {
            return new Reply(404, oauthError("invalid_request", "unknown endpoint"));
        }
        String grantType = form.getOrDefault("grant_type", "");
        SageOAuth.Outcome outcome = switch (grantType) {
            case "authorization_code" -> oauth.exchangeCode(form.get("code"), form.get("redirect_uri"));
            case "refresh_token" -> oauth.refresh(form.get("refresh_token"));
            default -> SageOAuth.Outcome.fail("unsupported_grant_type", "grant_type " + grantType);
        };
        if (outcome.tokens() == null) {
            return new Reply(400, oauthError(outcome.error(), outcome.description()));
        }
        SageTokens tokens = outcome.tokens();
        ObjectNode json = JSON.createObjectNode()
                .put("access_token", tokens.accessToken())
                .put("scope", "full_access")
                .put("token_type", "bearer")
                .put("expires_in", tokens.expiresInSeconds())
                .put("refresh_token", tokens.refreshToken())
                .put("refresh_token_expires_in", tokens.refreshExpiresInSeconds())
                .put("requested_by_id", SageNodes.stableId("user:1"));
        return new Reply(200, json);
    }

    private static JsonNode oauthError(String error, String description) {
        return JSON.createObjectNode().put("error", error).put("error_description", description);
    }
}
