package io.sagesync.domain.sage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Body of {@code POST /stock_movements} (sent as {@code {"stock_movement": ...}}): an adjustment of a stock item by
 * {@code quantity} (negative = out), Sage's only way to change {@code quantity_in_stock}.
 *
 * @param stockItemId   the Sage stock item
 * @param date          the movement date (business zone)
 * @param quantity      signed difference
 * @param costPrice     cost per unit (Sage requires it; Magento's {@code cost}, else 0)
 * @param details       ≤ 50 characters, e.g. {@code Magento stock 42 (was 40)}
 * @param reference     nullable, ≤ 31 characters
 * @param idempotencyId nullable Sage idempotency id
 */
public record SageStockMovementRequest(String stockItemId, LocalDate date, BigDecimal quantity, BigDecimal costPrice,
                                       String details, String reference, String idempotencyId) {
    /** Sage's limit on {@code details}. */
    public static final int DETAILS_MAX = 50;
    /** Sage's limit on {@code reference}. */
    public static final int REFERENCE_MAX = 31;

    public SageStockMovementRequest {
        Objects.requireNonNull(stockItemId, "stock_item_id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(costPrice, "cost_price");
        Objects.requireNonNull(details, "details");
        if (details.length() > DETAILS_MAX || (reference != null && reference.length() > REFERENCE_MAX)) {
            throw new IllegalArgumentException("stock movement details or reference over Sage's limit");
        }
        if (quantity.signum() == 0) {
            throw new IllegalArgumentException("a stock movement moves something");
        }
    }
}
