package io.sagesync.domain.sage;

import io.sagesync.domain.magento.CanonicalContact;
import io.sagesync.domain.policy.B2cConsolidation;
import io.sagesync.domain.policy.SyncPolicy;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * B2C consolidation (§g), first match wins: disabled → individual; company present and
 * {@code always_individual_for_b2b} → individual; repeat customer (a contact already exists for this currency) →
 * individual; {@code grand_total >= min_total_for_individual} (when the minimum is above 0) → individual; else the
 * lazily created fallback contact for the currency.
 */
public final class ContactRouting {
    private ContactRouting() {
    }

    /**
     * Routes one invoice (or credit memo) buyer.
     *
     * @param customer                 the canonical buyer
     * @param grandTotal               the document's grand total
     * @param policy                   policy snapshot
     * @param contactExistsForCurrency whether entity_xref already holds a contact for (buyer, currency)
     */
    public static ContactRoute route(CanonicalContact customer, BigDecimal grandTotal, SyncPolicy policy,
                                     boolean contactExistsForCurrency) {
        B2cConsolidation b2c = policy.b2cConsolidation();
        if (!b2c.enabled()) {
            return new ContactRoute(true, "consolidation_disabled");
        }
        if (customer.hasCompany() && b2c.alwaysIndividualForB2b()) {
            return new ContactRoute(true, "b2b_company");
        }
        if (contactExistsForCurrency) {
            return new ContactRoute(true, "repeat_customer");
        }
        BigDecimal min = b2c.minTotalForIndividual();
        if (min.signum() > 0 && grandTotal.compareTo(min) >= 0) {
            return new ContactRoute(true, "above_min_total");
        }
        return new ContactRoute(false, "consolidated");
    }

    /**
     * Fallback reference: {@code WEBSALES} in the base currency; otherwise the full ISO code is appended, the
     * configured reference cut to 7 characters first so the result stays within Sage's 10 ({@code WEBSALEEUR},
     * {@code WEBSALECAD}, {@code WEBSALECHF}): a first-letter suffix made CAD and CHF share one contact.
     */
    public static String fallbackReference(SyncPolicy policy, String currency) {
        String ref = policy.b2cConsolidation().fallbackContactReference();
        if (!policy.isForeignCurrency(currency)) {
            return ref;
        }
        String code = currency.toUpperCase(java.util.Locale.ROOT);
        int room = ContactKeys.MAX_REFERENCE - code.length();
        return (ref.length() > room ? ref.substring(0, room) : ref) + code;
    }

    /** entity_xref key of the fallback contact for a currency, e.g. {@code contact_fallback:b2c_fallback:EUR}. */
    public static String fallbackXrefKey(String currency) {
        return "contact_fallback:b2c_fallback:" + currency.toUpperCase(Locale.ROOT);
    }

    /** The fallback contact body: name (+ currency suffix), reference, email on the person, no address. */
    public static SageContactRequest fallbackContact(SyncPolicy policy, String currency, String idempotencyId) {
        B2cConsolidation b2c = policy.b2cConsolidation();
        String name = ContactKeys.displayName(b2c.fallbackContactName(), currency, policy.businessBaseCurrency());
        return new SageContactRequest(name, List.of("CUSTOMER"), fallbackReference(policy, currency),
                currency.toUpperCase(Locale.ROOT), null, null,
                new SageContactPerson(b2c.fallbackContactName(), b2c.fallbackContactEmail(), null, true),
                idempotencyId);
    }
}
