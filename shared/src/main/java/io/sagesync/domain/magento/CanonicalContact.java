package io.sagesync.domain.magento;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The canonical customer (wire contract §d). Guests and deleted customers arrive as a synthetic contact with
 * {@code magentoId == 0}. Nullable fields are {@code null} when Magento omitted the key.
 *
 * @param magentoId customer entity id, {@code 0} for guests
 * @param email     email, required
 * @param firstName nullable
 * @param lastName  nullable
 * @param company   nullable; only ever filled from an order's billing address
 * @param phone     nullable
 * @param websiteId website, {@code 0} for guests
 * @param groupId   customer group; nullable
 * @param addresses default billing/shipping addresses, never null
 * @param createdAt nullable
 * @param updatedAt nullable
 */
public record CanonicalContact(long magentoId, String email, String firstName, String lastName, String company,
                               String phone, long websiteId, Long groupId, List<CanonicalAddress> addresses,
                               Instant createdAt, Instant updatedAt) {
    public CanonicalContact {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }

    /** True for a guest (or deleted) buyer: the synthetic contact with magento id 0. */
    public boolean isGuest() {
        return magentoId == 0;
    }

    /** True when a non-blank company is present (B2B signal). */
    public boolean hasCompany() {
        return company != null && !company.isBlank();
    }

    /** "First Last" trimmed, or empty when neither part is present. */
    public Optional<String> personName() {
        String joined = ((firstName == null ? "" : firstName.trim()) + " "
                + (lastName == null ? "" : lastName.trim())).trim();
        return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }

    /** The billing-flagged address, else the first address. */
    public Optional<CanonicalAddress> billingAddress() {
        return addresses.stream().filter(CanonicalAddress::isBilling).findFirst()
                .or(() -> addresses.stream().findFirst());
    }

    /** The shipping-flagged address, if any. */
    public Optional<CanonicalAddress> shippingAddress() {
        return addresses.stream().filter(CanonicalAddress::isShipping).findFirst();
    }
}
