package io.sagesync.admin;

import io.sagesync.config.EnvNames;
import io.sagesync.config.SageEndpoints;
import java.util.Map;
import java.util.Objects;

/**
 * The admin function's settings, read once from the environment.
 *
 * @param tenantId         the stack's tenant (sent to Magento at pairing; Magento's JWT {@code sub})
 * @param tableName        the single table (OAuth states, reference cache, binding, refresh lease)
 * @param tenantSecretId   holds {@code api_key} (and the paired shop URL)
 * @param sageSecretId     where an older version kept the Sage tokens (read once, to move them into the table)
 * @param sageAppSecretId  holds the Sage app's {@code client_id} / {@code client_secret}; empty = use the
 *                         {@code SAGESYNC_SAGE_CLIENT_ID/SECRET} variables (local mode)
 * @param sageBaseUrl      Sage API base
 * @param sageTokenUrl     Sage token endpoint
 * @param sageRevokeUrl    Sage revoke endpoint
 * @param sageAuthorizeUrl Sage authorize endpoint
 * @param sageRedirectUri  the callback URL registered with the Sage app, character for character
 * @param ledgerBaseUrl    the stack's API URL given to Magento at pairing; may be empty (then pair must pass it)
 * @param syncQueueUrl     the sync queue the {@code replay} action sends to; empty = replay is not available
 * @param kmsKeyId         the customer-managed KMS key that encrypts the Sage token item
 */
public record AdminConfig(String tenantId, String tableName, String tenantSecretId, String sageSecretId,
                          String sageAppSecretId, String sageBaseUrl, String sageTokenUrl, String sageRevokeUrl,
                          String sageAuthorizeUrl, String sageRedirectUri, String ledgerBaseUrl,
                          String syncQueueUrl, String kmsKeyId) {
    public AdminConfig {
        Objects.requireNonNull(tenantId, EnvNames.TENANT_ID);
        Objects.requireNonNull(tableName, EnvNames.TABLE_NAME);
        kmsKeyId = kmsKeyId == null ? "" : kmsKeyId;
    }

    /** Without a KMS key (set it with {@link #withKmsKeyId} before touching the Sage tokens). */
    public AdminConfig(String tenantId, String tableName, String tenantSecretId, String sageSecretId,
                       String sageAppSecretId, String sageBaseUrl, String sageTokenUrl, String sageRevokeUrl,
                       String sageAuthorizeUrl, String sageRedirectUri, String ledgerBaseUrl, String syncQueueUrl) {
        this(tenantId, tableName, tenantSecretId, sageSecretId, sageAppSecretId, sageBaseUrl, sageTokenUrl,
                sageRevokeUrl, sageAuthorizeUrl, sageRedirectUri, ledgerBaseUrl, syncQueueUrl, "");
    }

    public AdminConfig withKmsKeyId(String keyId) {
        return new AdminConfig(tenantId, tableName, tenantSecretId, sageSecretId, sageAppSecretId, sageBaseUrl,
                sageTokenUrl, sageRevokeUrl, sageAuthorizeUrl, sageRedirectUri, ledgerBaseUrl, syncQueueUrl, keyId);
    }

    public static AdminConfig fromEnv(Map<String, String> env) {
        return new AdminConfig(
                require(env, EnvNames.TENANT_ID),
                require(env, EnvNames.TABLE_NAME),
                require(env, EnvNames.TENANT_SECRET_ID),
                require(env, EnvNames.SAGE_SECRET_ID),
                env.getOrDefault(EnvNames.SAGE_APP_SECRET_ID, ""),
                SageEndpoints.api(env),
                SageEndpoints.token(env),
                SageEndpoints.revoke(env),
                SageEndpoints.authorize(env),
                env.getOrDefault(EnvNames.SAGE_REDIRECT_URI, ""),
                env.getOrDefault(EnvNames.LEDGER_BASE_URL, ""),
                env.getOrDefault(EnvNames.SYNC_QUEUE_URL, ""),
                require(env, EnvNames.KMS_KEY_ID));
    }

    private static String require(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return v;
    }
}
