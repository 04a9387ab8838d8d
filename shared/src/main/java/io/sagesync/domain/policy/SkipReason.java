package io.sagesync.domain.policy;

/** Why the policy skipped an entity; {@link #code()} is what lands in the run's {@code error_code}. */
public enum SkipReason {
    UNPAID_INVOICE_NOT_SYNCED("unpaid_invoice_not_synced"),
    ZERO_VALUE_INVOICE("zero_value_invoice"),
    OUTSIDE_SYNC_SINCE("outside_sync_since"),
    WEBSITE_FILTERED("website_filtered"),
    STORE_FILTERED("store_filtered"),
    /** {@code product.upserted} while {@code sync_products} is off (the documented default). */
    PRODUCT_SYNC_DISABLED("product_sync_disabled"),
    /** configurable, bundle, grouped (and any type Sage has no counterpart for): the documented code (§e). */
    PRODUCT_TYPE_NOT_SUPPORTED("PRODUCT_TYPE_NOT_SUPPORTED"),
    /** {@code customer.upserted} for a customer with no Sage contact yet: saves update, they never create (§g). */
    CUSTOMER_NOT_IN_SAGE("customer_not_in_sage");

    private final String code;

    SkipReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
