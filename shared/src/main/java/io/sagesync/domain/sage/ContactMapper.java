package io.sagesync.domain.sage;

import io.sagesync.domain.magento.CanonicalAddress;
import io.sagesync.domain.magento.CanonicalContact;
import io.sagesync.domain.policy.CustomerNamePriority;
import io.sagesync.domain.policy.SyncPolicy;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Canonical buyer → Sage {@code POST /contacts} body (§g). Name per {@code customer_name_priority} (only matters when
 * both a company and a person name exist): Company → contact name = company, the person on
 * {@code main_contact_person}; Person → contact name = person, the company as the main address's name. Without
 * either name the email is the contact name. Billing → {@code main_address}, shipping → {@code delivery_address}
 * (billing again if there is no shipping address), both explicit.
 */
public final class ContactMapper {
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
        Optional<String> person = c.personName();
        Optional<String> company = c.hasCompany() ? Optional.of(c.company().strip()) : Optional.empty();
        boolean companyFirst = policy.customerNamePriority() == CustomerNamePriority.COMPANY;
        String name = companyFirst ? company.or(() -> person).orElse(c.email().strip())
                : person.or(() -> company).orElse(c.email().strip());
        String addressName = !companyFirst && person.isPresent() ? company.orElse(null) : null;
        SageAddress main = billing == null ? null : Addresses.toSage(billing, addressName);
        SageAddress delivery = shipping != null ? Addresses.toSage(shipping, null)
                : main == null ? null : Addresses.toSage(billing, null);
        String email = c.email().strip();
        SageContactPerson contactPerson = new SageContactPerson(
                truncate(person.orElse(name), 100), email.length() <= 100 ? email : null, c.phone(), true);
        return new SageContactRequest(
                ContactKeys.displayName(name, currency, policy.businessBaseCurrency()),
                List.of("CUSTOMER"),
                ContactKeys.reference(c, currency, policy.businessBaseCurrency()),
                currency.toUpperCase(Locale.ROOT), main, delivery, contactPerson, idempotencyId);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
