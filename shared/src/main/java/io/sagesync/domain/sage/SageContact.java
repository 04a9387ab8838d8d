package io.sagesync.domain.sage;

import java.util.Objects;

/**
 * A customer contact found in Sage by reference: enough to check it is the buyer we mean before binding to it.
 *
 * @param id         Sage id
 * @param reference  its reference
 * @param email      the main contact person's email, may be null
 * @param currencyId its (locked) currency, may be null when Sage omitted it (base currency)
 */
public record SageContact(String id, String reference, String email, String currencyId) {
    public SageContact {
        Objects.requireNonNull(id, "id");
    }
}
