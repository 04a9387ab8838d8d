package io.sagesync.domain.sage;

import io.sagesync.domain.magento.CanonicalAddress;
import io.sagesync.domain.magento.CanonicalContact;
import io.sagesync.domain.policy.CustomerNamePriority;
import io.sagesync.domain.policy.SyncPolicy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Canonical buyer → Sage {@code POST /contacts} body (§g). Name per {@code customer_name_priority} (only matters when
 * both a company and a person name exist): Company → contact name = company, the person on
 * {@code main_contact_person}; Person → contact name = person, the company as the main address's name. Without
 * either name the email is the contact name. Billing → {@code main_address}, shipping → {@code delivery_address}
 * (billing again if there is no shipping address), both explicit.
 */
public final class ContactMapper {
    /** Sage's {@code ContactPerson.name} and {@code telephone} limit (Swagger). */
    static final int PERSON_NAME_MAX = 50;

    private ContactMapper() {
    }

    /** Maps using the buyer's own default addresses. */
    public static SageContactRequest map(CanonicalContact c, String currency, SyncPolicy policy,
                                         String idempotencyId) {
        return map(c, c.billingAddress().orElse(null), c.shippingAddress().orElse(null), currency, policy,
                idempotencyId);
    }

    /**
     * Maps with explicit addresses (an invoice passes its own billing/shipping addresses).
     *
     * @param billing  nullable billing address
     * @param shipping nullable shipping address; billing is used when null
     */
    public static SageContactRequest map(CanonicalContact c, CanonicalAddress billing, CanonicalAddress shipping,
                                         String currency, SyncPolicy policy, String idempotencyId) {
        return map(c, billing, shipping, currency, policy, idempotencyId, new LinkedHashSet<>());
    }

    /**
     * Maps with explicit addresses, collecting what had to be changed to fit Sage: names and addresses are
     * HTML-decoded ({@code Jones &amp; Daughters Ltd} → {@code Jones & Daughters Ltd}) and cut to Sage's limits
     * (contact name 100, contact person name 50, address fields 50, postcode 10) with a warning.
     */
    public static SageContactRequest map(CanonicalContact c, CanonicalAddress billing, CanonicalAddress shipping,
                                         String currency, SyncPolicy policy, String idempotencyId,
                                         Set<MappingWarning> warnings) {
        Optional<String> person = c.personName().map(HtmlText::toPlainText).filter(s -> !s.isEmpty());
        Optional<String> company = c.hasCompany() ? Optional.of(HtmlText.toPlainText(c.company()))
                .filter(s -> !s.isEmpty()) : Optional.empty();
        boolean companyFirst = policy.customerNamePriority() == CustomerNamePriority.COMPANY;
        String name = companyFirst ? company.or(() -> person).orElse(c.email().strip())
                : person.or(() -> company).orElse(c.email().strip());
        String addressName = !companyFirst && person.isPresent() ? company.orElse(null) : null;
        SageAddress main = billing == null ? null : Addresses.toSage(billing, addressName, warnings);
        SageAddress delivery = shipping != null ? Addresses.toSage(shipping, null, warnings)
                : main == null ? null : Addresses.toSage(billing, null, warnings);
        String email = c.email().strip();
        SageContactPerson contactPerson = new SageContactPerson(
                fitName(person.orElse(name), PERSON_NAME_MAX, warnings), email.length() <= 100 ? email : null,
                c.phone() == null ? null : fitName(c.phone(), PERSON_NAME_MAX, warnings), true);
        return new SageContactRequest(
                ContactKeys.displayName(name, currency, policy.businessBaseCurrency()),
                List.of("CUSTOMER"),
                ContactKeys.reference(c, currency, policy.businessBaseCurrency()),
                currency.toUpperCase(Locale.ROOT), main, delivery, contactPerson, idempotencyId);
    }

    private static String fitName(String s, int max, Set<MappingWarning> warnings) {
        if (s.length() <= max) {
            return s;
        }
        warnings.add(MappingWarning.NAME_TRUNCATED);
        return s.substring(0, max).strip();
    }
}
