package io.sagesync.domain.sage;

import io.sagesync.domain.policy.SyncPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the Sage tax rate for tax Magento charged on a net amount, from the amounts themselves (the canonical's
 * {@code tax_rate} is distorted when tax is applied after discount, §d).
 * <ol>
 *   <li>No tax charged → the zero rate: {@code tax_rate_map["0.00"]} when the merchant mapped 0 % (e.g. to exempt or
 *       no-VAT), else the business's zero rate ({@link TaxRegion#zeroRate}). A line without tax never gets a
 *       positive rate.</li>
 *   <li>Tax charged → among the positive percentages in {@code tax_rate_map} and in the business's own
 *       {@code tax_rates}, those for which {@code |tax − net × pct / 100| ≤ 0.01 + 0.005 × (1 + pct / 100) ×
 *       max(1, qty)} ({@link #tolerance}); the closest wins, a mapped id before Sage's own id for the same
 *       percentage.</li>
 *   <li>Otherwise empty: the caller may fall back to {@code default_tax_rate_id} (with a warning).</li>
 * </ol>
 */
public final class TaxRateResolver {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal PENNY = new BigDecimal("0.01");
    private static final BigDecimal HALF_PENNY = new BigDecimal("0.005");

    private TaxRateResolver() {
    }

    /**
     * A resolved rate.
     *
     * @param taxRateId Sage id
     * @param percent   its percentage, which is what Sage multiplies by
     */
    public record Resolved(String taxRateId, BigDecimal percent) {
    }

    /**
     * How far line tax may be from {@code net × pct / 100} for a line of {@code quantity} units: one penny of row
     * rounding, plus, for shops that round per unit, half a penny of tax per unit which the rounded unit net carries
     * over once more at the rate, i.e. {@code 0.005 × (1 + pct / 100)} a unit (10 × £2.99 incl. 5 % is 1.40 VAT on
     * 28.50, 2.5p from 5 %; 14 × £25.89 incl. 20 % is 60.48 on 301.98, 8.4p from 20 %).
     */
    public static BigDecimal tolerance(BigDecimal quantity, BigDecimal percent) {
        BigDecimal perUnit = HALF_PENNY.multiply(BigDecimal.ONE.add(percent.abs().divide(HUNDRED, 6,
                RoundingMode.HALF_UP)));
        return PENNY.add(perUnit.multiply(quantity.abs().max(BigDecimal.ONE)));
    }

    /** Σ-free distance between charged tax and what {@code percent} gives on {@code net}. */
    public static BigDecimal error(BigDecimal net, BigDecimal tax, BigDecimal percent) {
        return net.multiply(percent).divide(HUNDRED, 6, RoundingMode.HALF_UP).subtract(tax).abs();
    }

    /** The positive-percentage candidates: the merchant's map first, then the business's own rates. */
    public static List<Resolved> positiveCandidates(SyncPolicy policy, SageBusiness business) {
        List<Resolved> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Map.Entry<String, String> e : policy.taxRateMap().entrySet()) {
            BigDecimal pct = new BigDecimal(e.getKey());
            if (pct.signum() > 0) {
                out.add(new Resolved(e.getValue(), pct));
                seen.add(SyncPolicy.canonicalTaxKey(pct));
            }
        }
        for (SageReferenceData.TaxRate r : business.taxRates()) {
            if (r.percentage() != null && r.percentage().signum() > 0
                    && seen.add(SyncPolicy.canonicalTaxKey(r.percentage()))) {
                out.add(new Resolved(r.id(), r.percentage()));
            }
        }
        return out;
    }

    /** The zero rate for a line on which no tax was charged. */
    public static Optional<Resolved> zeroRate(SyncPolicy policy, SageBusiness business) {
        String mapped = policy.taxRateMap().get(SyncPolicy.canonicalTaxKey(BigDecimal.ZERO));
        if (mapped != null) {
            return Optional.of(new Resolved(mapped, BigDecimal.ZERO));
        }
        return business.region().zeroRate(business.taxRates()).map(id -> new Resolved(id, BigDecimal.ZERO));
    }

    /** Resolves the rate for {@code tax} charged on {@code net} over {@code quantity} units. */
    public static Optional<Resolved> resolve(BigDecimal net, BigDecimal tax, BigDecimal quantity, SyncPolicy policy,
                                             SageBusiness business) {
        if (tax.signum() == 0) {
            return zeroRate(policy, business);
        }
        Resolved best = null;
        BigDecimal bestError = null;
        for (Resolved candidate : positiveCandidates(policy, business)) {
            BigDecimal err = error(net, tax, candidate.percent());
            if (err.compareTo(tolerance(quantity, candidate.percent())) <= 0 && (bestError == null || err.compareTo(bestError) < 0)) {
                best = candidate;
                bestError = err;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Resolves among one fixed list of rates (a destination supply's rates, which Sage determined for the buyer):
     * no merchant map and no default, since a home-country id must never stand in for another country's VAT. No tax
     * → that list's 0 % rate; tax → the closest percentage within {@link #tolerance}; otherwise empty.
     */
    public static Optional<Resolved> resolveAmong(BigDecimal net, BigDecimal tax, BigDecimal quantity,
                                                  List<SageReferenceData.TaxRate> rates) {
        Resolved best = null;
        BigDecimal bestError = null;
        for (SageReferenceData.TaxRate rate : rates) {
            BigDecimal pct = rate.percentage();
            if (pct == null || (tax.signum() == 0) != (pct.signum() == 0)) {
                continue;
            }
            BigDecimal err = error(net, tax, pct);
            if (err.compareTo(tolerance(quantity, pct)) <= 0 && (bestError == null || err.compareTo(bestError) < 0)) {
                best = new Resolved(rate.id(), pct);
                bestError = err;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The positive rates of a fixed list, as candidates for settling tax-inclusive nets. */
    public static List<Resolved> positiveAmong(List<SageReferenceData.TaxRate> rates) {
        return rates.stream().filter(r -> r.percentage() != null && r.percentage().signum() > 0)
                .map(r -> new Resolved(r.id(), r.percentage())).toList();
    }

    /** {@link #resolve} for one unit against the policy's region's seeded rates (tests, simple callers). */
    public static Optional<Resolved> resolve(BigDecimal net, BigDecimal tax, SyncPolicy policy) {
        return resolve(net, tax, BigDecimal.ONE, policy,
                SageBusiness.seeded(policy.businessCountry(), policy.businessBaseCurrency()));
    }
}
