package io.sagesync.domain.policy;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * B2C consolidation settings (§f, §g): small guest orders go onto one fallback "web sales" contact per currency.
 *
 * @param enabled                  master switch
 * @param fallbackContactName      fallback contact name (≤ 100)
 * @param fallbackContactEmail     fallback contact email
 * @param fallbackContactReference fallback Sage reference, ≤ 10 chars; the currency initial is appended for
 *                                 non-base currencies
 * @param minTotalForIndividual    {@code grand_total >=} this gets an individual contact; {@code 0} = rule off
 * @param alwaysIndividualForB2b   a buyer with a company always gets an individual contact
 */
public record B2cConsolidation(boolean enabled, String fallbackContactName, String fallbackContactEmail,
                               String fallbackContactReference, BigDecimal minTotalForIndividual,
                               boolean alwaysIndividualForB2b) {
    public B2cConsolidation {
        Objects.requireNonNull(fallbackContactName, "fallback_contact_name");
        Objects.requireNonNull(fallbackContactEmail, "fallback_contact_email");
        Objects.requireNonNull(fallbackContactReference, "fallback_contact_reference");
        Objects.requireNonNull(minTotalForIndividual, "min_total_for_individual");
    }

    /** The documented defaults: disabled, "Magento Web Sales", WEBSALES, no minimum, B2B always individual. */
    public static B2cConsolidation defaults() {
        return new B2cConsolidation(false, "Magento Web Sales", "sales@your-shop.example.com", "WEBSALES",
                BigDecimal.ZERO, true);
    }
}
