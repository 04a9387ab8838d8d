package io.sagesync.domain.sage;

import java.util.List;
import java.util.Objects;

/**
 * Body of {@code POST /contacts} (sent as {@code {"contact": {...}}}). Nullable fields are omitted on the wire.
 *
 * @param name              ≤ 100 characters
 * @param contactTypeIds    {@code ["CUSTOMER"]}
 * @param reference         ≤ 10 characters, unique in the business
 * @param currencyId        ISO-4217; a contact is locked to one currency after its first invoice
 * @param mainAddress       nullable billing address
 * @param deliveryAddress   nullable shipping address
 * @param mainContactPerson nullable person carrying the email and phone
 * @param idempotencyId     nullable 32-hex Sage idempotency id
 */
public record SageContactRequest(String name, List<String> contactTypeIds, String reference, String currencyId,
                                 SageAddress mainAddress, SageAddress deliveryAddress,
                                 SageContactPerson mainContactPerson, String idempotencyId) {
    public SageContactRequest {
        Objects.requireNonNull(name, "name");
        contactTypeIds = List.copyOf(contactTypeIds);
        if (name.length() > 100) {
            throw new IllegalArgumentException("Sage contact name is limited to 100 characters");
        }
        if (reference != null && reference.length() > 10) {
            throw new IllegalArgumentException("Sage contact reference is limited to 10 characters");
        }
    }
}
