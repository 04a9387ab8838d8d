package io.sagesync.config;

/**
 * Every environment variable sagesync reads, in one place. Read once at a composition root, never deep in logic;
 * a variable a function needs and does not get fails its start with the variable's name
 * ({@link SagesyncConfig#require}).
 */
public final class EnvNames {
    public static final String TENANT_ID = "SAGESYNC_TENANT_ID";
    public static final String TABLE_NAME = "SAGESYNC_TABLE";
    public static final String SYNC_QUEUE_URL = "SAGESYNC_SYNC_QUEUE_URL";
    public static final String SYNC_DLQ_URL = "SAGESYNC_SYNC_DLQ_URL";
    public static final String RETRY_QUEUE_URL = "SAGESYNC_RETRY_QUEUE_URL";
    public static final String PUSH_QUEUE_URL = "SAGESYNC_PUSH_QUEUE_URL";
    public static final String TENANT_SECRET_ID = "SAGESYNC_TENANT_SECRET_ID";
    /** Where an older version kept the Sage tokens; read once to move them into the table (docs/sage-connection.md). */
    public static final String SAGE_SECRET_ID = "SAGESYNC_SAGE_SECRET_ID";
    /** The stack's customer-managed KMS key (SagesyncKey): encrypts the Sage token item. */
    public static final String KMS_KEY_ID = "SAGESYNC_KMS_KEY_ID";
    public static final String KEY_CACHE_TTL_SECONDS = "SAGESYNC_KEY_CACHE_TTL_SECONDS";
    public static final String JWT_LEEWAY_SECONDS = "SAGESYNC_JWT_LEEWAY_SECONDS";
    public static final String MAGENTO_BASE_URL = "SAGESYNC_MAGENTO_BASE_URL";
    public static final String SAGE_BASE_URL = "SAGESYNC_SAGE_BASE_URL";
    public static final String SAGE_TOKEN_URL = "SAGESYNC_SAGE_TOKEN_URL";
    public static final String SAGE_CLIENT_ID = "SAGESYNC_SAGE_CLIENT_ID";
    public static final String SAGE_CLIENT_SECRET = "SAGESYNC_SAGE_CLIENT_SECRET";
    public static final String SAGE_REFRESH_TOKEN = "SAGESYNC_SAGE_REFRESH_TOKEN";
    public static final String SAGE_ACCESS_TOKEN = "SAGESYNC_SAGE_ACCESS_TOKEN";
    public static final String SAGE_BUSINESS_ID = "SAGESYNC_SAGE_BUSINESS_ID";
    public static final String SETTINGS_FILE = "SAGESYNC_SETTINGS_FILE";
    public static final String AWS_REGION = "AWS_REGION";

    /** Sync worker: attempts per retry cycle before a run fails and its job is dead-lettered (default 6). */
    public static final String SYNC_MAX_ATTEMPTS = "SAGESYNC_SYNC_MAX_ATTEMPTS";
    /** Sweeper: minutes after its last change that a queued/running run counts as stalled (default 30). */
    public static final String SWEEP_STALLED_AFTER_MINUTES = "SAGESYNC_SWEEP_STALLED_AFTER_MINUTES";
    /** Secrets Manager id of the Sage app's client id/secret; empty in local mode (then the two variables). */
    public static final String SAGE_APP_SECRET_ID = "SAGESYNC_SAGE_APP_SECRET_ID";
    public static final String SAGE_REVOKE_URL = "SAGESYNC_SAGE_REVOKE_URL";
    public static final String SAGE_AUTHORIZE_URL = "SAGESYNC_SAGE_AUTHORIZE_URL";
    /** The OAuth callback URL registered with the Sage app, character for character. */
    public static final String SAGE_REDIRECT_URI = "SAGESYNC_SAGE_REDIRECT_URI";
    /** The stack's API URL handed to Magento at pairing. */
    public static final String LEDGER_BASE_URL = "SAGESYNC_LEDGER_BASE_URL";

    /** Local mode ({@code make local}) only. */
    public static final String LOCAL_PORT = "SAGESYNC_PORT";
    public static final String LOCAL_API_KEY = "SAGESYNC_API_KEY";
    public static final String LOCAL_DEMO = "SAGESYNC_DEMO";
    /** Tests only: the moto_server executable. */
    public static final String MOTO_SERVER = "SAGESYNC_MOTO_SERVER";

    private EnvNames() {
    }
}
