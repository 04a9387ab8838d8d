package io.sagesync.admin;

import io.sagesync.config.EnvNames;
import java.util.Map;
import java.util.Objects;

/**
 * The admin function's settings, read once from the environment.
 *
 * @param tenantId         the stack's tenant (sent to Magento at pairing; Magento's JWT {@code sub})
 * @param tableName        the single table (OAuth states, reference cache, binding, refresh lease)
 * @param tenantSecretId   holds {@code api_key} (and the paired shop URL)
 * @param sageSecretId     holds the Sage tokens
 * @param sageAppSecretId  holds the Sage app's {@code client_id} / {@code client_secret}; empty = use the
 *                         {@code SAGESYNC_SAGE_CLIENT_ID/SECRET} variables (local mode)
 * @param sageBaseUrl      Sage API base
 * @param sageTokenUrl     Sage token endpoint
 * @param sageRevokeUrl    Sage revoke endpoint
 * @param sageAuthorizeUrl Sage authorize endpoint
 * @param sageRedirectUri  the callback URL registered with the Sage app, character for character
 * @param ledgerBaseUrl    the stack's API URL given to Magento at pairing; may be empty (then pair must pass it)
 */
public record AdminConfig(String tenantId, String tableName, String tenantSecretId, String sageSecretId,
                          String sageAppSecretId, String sageBaseUrl, String sageTokenUrl, String sageRevokeUrl,
                          String sageAuthorizeUrl, String sageRedirectUri, String ledgerBaseUrl) {
    public AdminConfig {
        Objects.requireNonNull(tenantId, EnvNames.TENANT_ID);
        Objects.requireNonNull(tableName, EnvNames.TABLE_NAME);
    }

    public static AdminConfig fromEnv(Map<String, String> env) {
        return new AdminConfig(
                require(env, EnvNames.TENANT_ID),
                require(env, EnvNames.TABLE_NAME),
                require(env, EnvNames.TENANT_SECRET_ID),
                require(env, EnvNames.SAGE_SECRET_ID),
                env.getOrDefault(EnvNames.SAGE_APP_SECRET_ID, ""),
                env.getOrDefault(EnvNames.SAGE_BASE_URL, "https://api.accounting.sage.com/v3.1"),
                env.getOrDefault(EnvNames.SAGE_TOKEN_URL, "https://oauth.accounting.sage.com/token"),
                env.getOrDefault(EnvNames.SAGE_REVOKE_URL, "https://oauth.accounting.sage.com/revoke"),
                env.getOrDefault(EnvNames.SAGE_AUTHORIZE_URL, "https://www.sageone.com/oauth2/auth/central?filter=apiv3.1"),
                env.getOrDefault(EnvNames.SAGE_REDIRECT_URI, ""),
                env.getOrDefault(EnvNames.LEDGER_BASE_URL, ""));
    }

    private static String require(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return v;
    }
}
