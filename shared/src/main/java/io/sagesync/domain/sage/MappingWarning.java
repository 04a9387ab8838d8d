package io.sagesync.domain.sage;

/** Non-fatal mapping observations, stored on the run and logged so merchants and operators can review them. */
public enum MappingWarning {
    /** Cross-border lines had more than one GOODS/SERVICES type; all were set to the policy default. */
    MIXED_EU_GOODS_SERVICES_COERCED_TO_DEFAULT,
    /** qty × unit price (2 dp) did not reproduce the row total; the row went as quantity 1 at the row total. */
    LINE_POSTED_AS_ROW_TOTAL,
    /** A header discount not reflected in line totals was spread over the lines' discount_amount. */
    HEADER_DISCOUNT_DISTRIBUTED,
    /** A header discount could not be placed (no line with a positive net to carry it). */
    HEADER_DISCOUNT_UNALLOCATED,
    /** A line's derived discount was negative (line_total above subtotal + tax) and was not sent. */
    NEGATIVE_LINE_DISCOUNT_IGNORED,
    /** No rate of the business or the tax-rate map explains a line's tax; default_tax_rate_id was used. */
    TAX_RATE_DEFAULTED,
    /** A non-base-currency invoice had no base_to_order_rate; Sage's own rate will apply. */
    EXCHANGE_RATE_MISSING,
    /** prefix + increment id exceeded Sage's 25 characters and was shortened. */
    REFERENCE_TRUNCATED,
    /** An address field was longer than Sage allows (lines, city, region 50; postcode 10) and was cut. */
    ADDRESS_TRUNCATED,
    /** A contact or contact-person name was longer than Sage allows and was cut. */
    NAME_TRUNCATED,
    /** A product price was not sent: the Sage business has no price band (product sales price / service rate type). */
    PRICE_NOT_SENT,
    /** Magento's stock was negative (backorders); Sage cannot hold negative stock, so it was brought to zero. */
    NEGATIVE_STOCK_CLAMPED,
    /** sync_stock asks for a stock item, but the item already exists in Sage as a plain product (kept as it is). */
    STOCK_ITEM_KIND_KEPT,
    /** The total Sage will derive differs from Magento's grand_total (by at most a penny when posted). */
    TOTAL_MISMATCH;

    /** snake_case code as stored on runs. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
