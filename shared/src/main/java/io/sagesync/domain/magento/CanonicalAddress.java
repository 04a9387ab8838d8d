package io.sagesync.domain.magento;

import java.util.List;
import java.util.Objects;

/**
 * An address as the Byte8 canonical carries it (wire contract §d). There is no name or company on addresses.
 * Nullable fields are {@code null} when Magento omitted the key.
 *
 * @param kind      {@code billing} or {@code shipping}; null if absent
 * @param street    street lines, never null (empty when absent)
 * @param city      city; nullable
 * @param region    region; nullable
 * @param postcode  postcode; nullable
 * @param countryId ISO-3166 alpha-2; nullable only when Magento sent none
 * @param telephone telephone; nullable
 */
public record CanonicalAddress(String kind, List<String> street, String city, String region, String postcode,
                               String countryId, String telephone) {
    public CanonicalAddress {
        street = street == null ? List.of() : List.copyOf(Objects.requireNonNull(street));
    }

    public boolean isBilling() {
        return "billing".equals(kind);
    }

    public boolean isShipping() {
        return "shipping".equals(kind);
    }
}
