package io.sagesync.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a function needs from its environment, read once at the composition root and checked there.
 *
 * @param tenantId          the stack's tenant (Magento's JWT {@code sub})
 * @param tableName         the single DynamoDB table
 * @param syncQueueUrl      FIFO queue feeding the sync worker
 * @param syncDlqUrl        the sync queue's dead-letter queue
 * @param retryQueueUrl     standard queue for delayed retries
 * @param pushQueueUrl      queue feeding the sync-state push
 * @param tenantSecretId    Secrets Manager id of the tenant's api_key
 * @param sageSecretId      Secrets Manager id of the Sage tokens
 * @param keyCacheTtl       how long an api_key read from Secrets Manager is reused
 * @param jwtLeeway         clock leeway for Magento's tokens
 * @param magentoBaseUrl    the shop (may be empty before pairing)
 * @param sageBaseUrl       Sage API base, e.g. https://api.accounting.sage.com/v3.1
 * @param kmsKeyId          the customer-managed KMS key that encrypts the Sage token item
 */
public record SagesyncConfig(String tenantId, String tableName, String syncQueueUrl, String syncDlqUrl,
                             String retryQueueUrl, String pushQueueUrl, String tenantSecretId, String sageSecretId,
                             Duration keyCacheTtl, Duration jwtLeeway, String magentoBaseUrl, String sageBaseUrl,
                             String kmsKeyId) {

    public static final Duration DEFAULT_KEY_CACHE_TTL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_JWT_LEEWAY = Duration.ofSeconds(60);
    /** Magento's tokens live 60 s; more than 5 minutes of leeway would make replay windows meaningless. */
    public static final Duration MAX_JWT_LEEWAY = Duration.ofMinutes(5);

    public SagesyncConfig {
        requireText(tenantId, EnvNames.TENANT_ID);
        requireText(tableName, EnvNames.TABLE_NAME);
        kmsKeyId = kmsKeyId == null ? "" : kmsKeyId;
        Objects.requireNonNull(keyCacheTtl);
        Objects.requireNonNull(jwtLeeway);
        if (jwtLeeway.isNegative() || jwtLeeway.compareTo(MAX_JWT_LEEWAY) > 0) {
            throw new IllegalArgumentException(EnvNames.JWT_LEEWAY_SECONDS + " must be between 0 and 300");
        }
    }

    /** Without a KMS key (functions and tests that never touch the Sage tokens). */
    public SagesyncConfig(String tenantId, String tableName, String syncQueueUrl, String syncDlqUrl,
                          String retryQueueUrl, String pushQueueUrl, String tenantSecretId, String sageSecretId,
                          Duration keyCacheTtl, Duration jwtLeeway, String magentoBaseUrl, String sageBaseUrl) {
        this(tenantId, tableName, syncQueueUrl, syncDlqUrl, retryQueueUrl, pushQueueUrl, tenantSecretId, sageSecretId,
                keyCacheTtl, jwtLeeway, magentoBaseUrl, sageBaseUrl, "");
    }

    /** The same settings with the KMS key that encrypts the Sage tokens. */
    public SagesyncConfig withKmsKeyId(String keyId) {
        return new SagesyncConfig(tenantId, tableName, syncQueueUrl, syncDlqUrl, retryQueueUrl, pushQueueUrl,
                tenantSecretId, sageSecretId, keyCacheTtl, jwtLeeway, magentoBaseUrl, sageBaseUrl, keyId);
    }

    /** Reads and validates the configuration; fails fast (at init) with the name of the missing variable. */
    public static SagesyncConfig fromEnv(Map<String, String> env) {
        return new SagesyncConfig(
                env.get(EnvNames.TENANT_ID),
                env.get(EnvNames.TABLE_NAME),
                env.getOrDefault(EnvNames.SYNC_QUEUE_URL, ""),
                env.getOrDefault(EnvNames.SYNC_DLQ_URL, ""),
                env.getOrDefault(EnvNames.RETRY_QUEUE_URL, ""),
                env.getOrDefault(EnvNames.PUSH_QUEUE_URL, ""),
                env.getOrDefault(EnvNames.TENANT_SECRET_ID, ""),
                env.getOrDefault(EnvNames.SAGE_SECRET_ID, ""),
                seconds(env, EnvNames.KEY_CACHE_TTL_SECONDS, DEFAULT_KEY_CACHE_TTL),
                seconds(env, EnvNames.JWT_LEEWAY_SECONDS, DEFAULT_JWT_LEEWAY),
                env.getOrDefault(EnvNames.MAGENTO_BASE_URL, ""),
                SageEndpoints.api(env),
                env.getOrDefault(EnvNames.KMS_KEY_ID, ""));
    }

    /**
     * Fails at start, naming the variable, when one this function needs is missing: without it the function would
     * only fail later, on its first message, with an obscure SDK error.
     *
     * @param envNames {@link EnvNames} constants of the settings the calling function uses
     * @return this, for chaining at the composition root
     */
    public SagesyncConfig require(String... envNames) {
        for (String name : envNames) {
            String value = switch (name) {
                case EnvNames.SYNC_QUEUE_URL -> syncQueueUrl;
                case EnvNames.SYNC_DLQ_URL -> syncDlqUrl;
                case EnvNames.RETRY_QUEUE_URL -> retryQueueUrl;
                case EnvNames.PUSH_QUEUE_URL -> pushQueueUrl;
                case EnvNames.TENANT_SECRET_ID -> tenantSecretId;
                case EnvNames.SAGE_SECRET_ID -> sageSecretId;
                case EnvNames.MAGENTO_BASE_URL -> magentoBaseUrl;
                case EnvNames.SAGE_BASE_URL -> sageBaseUrl;
                case EnvNames.KMS_KEY_ID -> kmsKeyId;
                default -> throw new IllegalArgumentException(name + " is not a SagesyncConfig setting");
            };
            requireText(value, name);
        }
        return this;
    }

    private static Duration seconds(Map<String, String> env, String name, Duration fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of seconds", e);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
