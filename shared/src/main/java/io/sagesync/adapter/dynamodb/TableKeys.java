package io.sagesync.adapter.dynamodb;

/**
 * The single-table key design (docs/storage.md). One stack serves one tenant, so keys do not repeat the tenant;
 * items still record it.
 */
final class TableKeys {
    static final String PK = "pk";
    static final String SK = "sk";
    /** TTL attribute (epoch seconds); the table's TimeToLiveSpecification names it. */
    static final String EXPIRES_AT = "expires_at";

    static final String RUN_PREFIX = "RUN#";
    static final String RUN_SK = "RUN";
    static final String IDEMPOTENCY_PREFIX = "IDEM#";
    static final String IDEMPOTENCY_SK = "IDEM";
    static final String JTI_PREFIX = "JTI#";
    static final String JTI_SK = "JTI";
    static final String XREF_PREFIX = "XREF#";
    static final String XREF_SK = "XREF";
    static final String BINDING_PK = "BINDING";
    static final String BINDING_POLICY_SK = "POLICY";
    static final String BINDING_STATE_SK = "STATE";

    private TableKeys() {
    }
}
