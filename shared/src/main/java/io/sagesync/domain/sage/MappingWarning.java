package io.sagesync.domain.sage;

/** Non-fatal mapping observations, recorded on the run so merchants and operators can review them. */
public enum MappingWarning {
    /** Cross-border lines had more than one GOODS/SERVICES type; all were set to the policy default. */
    MIXED_EU_GOODS_SERVICES_COERCED_TO_DEFAULT,
    /** Magento charged tax to a cross-border buyer; Sage requires zero-rating, so the tax was not posted. */
    CROSS_BORDER_TAX_ZEROED,
    /** qty × unit price (2 dp) did not reproduce the row total; the row went as quantity 1 at the row total. */
    LINE_POSTED_AS_ROW_TOTAL,
    /** A header discount not reflected in line totals was spread over the lines' discount_amount. */
    HEADER_DISCOUNT_DISTRIBUTED,
    /** A header discount could not be placed (no line with a positive net to carry it). */
    HEADER_DISCOUNT_UNALLOCATED,
    /** A line's derived discount was negative (line_total above subtotal + tax) and was not sent. */
    NEGATIVE_LINE_DISCOUNT_IGNORED,
    /** A line or shipping tax rate was not found in tax_rate_map; default_tax_rate_id was used. */
    TAX_RATE_DEFAULTED,
    /** A non-base-currency invoice had no base_to_order_rate; Sage's own rate will apply. */
    EXCHANGE_RATE_MISSING,
    /** prefix + increment id exceeded Sage's 25 characters and was shortened. */
    REFERENCE_TRUNCATED,
    /** The total Sage will derive differs from Magento's grand_total. */
    TOTAL_MISMATCH;

    /** snake_case code as stored on runs. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
