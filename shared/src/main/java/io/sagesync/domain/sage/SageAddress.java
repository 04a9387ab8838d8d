package io.sagesync.domain.sage;

/**
 * A Sage address ({@code main_address} / {@code delivery_address}). All fields nullable; null fields are omitted on
 * the wire.
 *
 * @param addressLine1 first street line
 * @param addressLine2 remaining street lines joined with ", "
 * @param city         city
 * @param postalCode   postcode (Sage derives Northern Ireland status from it)
 * @param region       region
 * @param countryId    ISO-3166 alpha-2
 * @param name         address name; only used on contacts (company under the Person name priority)
 */
public record SageAddress(String addressLine1, String addressLine2, String city, String postalCode, String region,
                          String countryId, String name) {
    /** The same address without a name (sales-invoice addresses have no name field in Sage's schema). */
    public SageAddress withoutName() {
        return new SageAddress(addressLine1, addressLine2, city, postalCode, region, countryId, null);
    }
}
