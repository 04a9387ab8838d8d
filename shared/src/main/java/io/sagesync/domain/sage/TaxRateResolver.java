package io.sagesync.domain.sage;

import io.sagesync.domain.policy.SyncPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the Sage tax rate for an amount Magento taxed, from the rate actually applied rather than the canonical's
 * {@code tax_rate} (distorted when tax is applied after discount, §d).
 * <ol>
 *   <li>applied % = {@code tax / net × 100}, half-up to 2 dp (0 when net ≤ 0 and tax is 0);</li>
 *   <li>exact key in {@code tax_rate_map} → that rate;</li>
 *   <li>else snap: among mapped percentages whose {@code round(net × pct / 100, 2)} is within one penny of the tax
 *       (Magento's per-row rounding can move the ratio, e.g. 0.33 on 1.67 = 19.76 %), take the closest;</li>
 *   <li>else empty (caller falls back to {@code default_tax_rate_id}).</li>
 * </ol>
 */
public final class TaxRateResolver {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal PENNY = new BigDecimal("0.01");

    private TaxRateResolver() {
    }

    /**
     * A resolved rate.
     *
     * @param taxRateId Sage id
     * @param percent   the mapped percentage (the key), which is what Sage multiplies by
     */
    public record Resolved(String taxRateId, BigDecimal percent) {
    }

    /** The applied percentage, 2 dp; empty when it cannot be derived (net ≤ 0 with tax). */
    public static Optional<BigDecimal> appliedPercent(BigDecimal net, BigDecimal tax) {
        if (net.signum() <= 0) {
            return tax.signum() == 0 ? Optional.of(BigDecimal.ZERO.setScale(2)) : Optional.empty();
        }
        return Optional.of(tax.multiply(HUNDRED).divide(net, 2, RoundingMode.HALF_UP));
    }

    /** Resolves the rate for {@code tax} charged on {@code net} via the policy's tax-rate map. */
    public static Optional<Resolved> resolve(BigDecimal net, BigDecimal tax, SyncPolicy policy) {
        Optional<BigDecimal> applied = appliedPercent(net, tax);
        if (applied.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> map = policy.taxRateMap();
        String key = SyncPolicy.canonicalTaxKey(applied.get());
        if (map.containsKey(key)) {
            return Optional.of(new Resolved(map.get(key), new BigDecimal(key)));
        }
        Resolved best = null;
        BigDecimal bestDistance = null;
        for (Map.Entry<String, String> e : map.entrySet()) {
            BigDecimal pct = new BigDecimal(e.getKey());
            BigDecimal recomputed = net.multiply(pct).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            if (recomputed.subtract(tax).abs().compareTo(PENNY) > 0) {
                continue;
            }
            BigDecimal distance = pct.subtract(applied.get()).abs();
            if (bestDistance == null || distance.compareTo(bestDistance) < 0
                    || distance.compareTo(bestDistance) == 0 && pct.compareTo(best.percent()) < 0) {
                best = new Resolved(e.getValue(), pct);
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }
}
