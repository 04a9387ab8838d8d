package io.sagesync.domain.sage;

/**
 * Where an invoice's buyer is booked in Sage.
 *
 * @param individual true → the buyer's own contact; false → the per-currency fallback contact
 * @param ruleCode   which B2C rule decided: {@code consolidation_disabled}, {@code b2b_company},
 *                   {@code repeat_customer}, {@code above_min_total} or {@code consolidated}
 */
public record ContactRoute(boolean individual, String ruleCode) {
}
