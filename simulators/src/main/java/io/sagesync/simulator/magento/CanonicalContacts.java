package io.sagesync.simulator.magento;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical contact / address fixtures as Magento's {@code GET customer/{id}} renders them (wire contract §d):
 * snake_case keys in interface order, null fields omitted.
 */
public final class CanonicalContacts {

    private CanonicalContacts() {
    }

    /** Address object; {@code region}, {@code postcode}, {@code telephone} are optional (null = omitted). */
    public record Address(String kind, List<String> street, String city, String region, String postcode,
                          String countryId, String telephone) {

        /** The same address with another {@code kind} ({@code billing} or {@code shipping}). */
        public Address as(String newKind) {
            return new Address(newKind, street, city, region, postcode, countryId, telephone);
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("kind", kind);
            map.put("street", street);
            map.put("city", city);
            putIfPresent(map, "region", region);
            putIfPresent(map, "postcode", postcode);
            map.put("country_id", countryId);
            putIfPresent(map, "telephone", telephone);
            return map;
        }
    }

    /** Contact object; {@code magentoId} 0 = synthetic guest contact. Nullable fields are omitted when null. */
    public record Contact(long magentoId, String email, String firstName, String lastName, String company,
                          String phone, long websiteId, Integer groupId, List<Address> addresses,
                          String createdAt, String updatedAt) {

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("magento_id", magentoId);
            map.put("email", email);
            putIfPresent(map, "first_name", firstName);
            putIfPresent(map, "last_name", lastName);
            putIfPresent(map, "company", company);
            putIfPresent(map, "phone", phone);
            map.put("website_id", websiteId);
            putIfPresent(map, "group_id", groupId);
            map.put("addresses", addresses.stream().map(Address::toMap).toList());
            putIfPresent(map, "created_at", createdAt);
            putIfPresent(map, "updated_at", updatedAt);
            return map;
        }

        /** The JSON {@code GET customer/{id}} answers for this contact. */
        public String toJson() {
            return PhpJson.encode(toMap());
        }
    }

    /** Jane Smith's London address (billing kind), the §d example. */
    public static Address londonBilling() {
        return new Address("billing", List.of("1 High Street", "Flat 2"), "London", "Greater London", "SW1A 1AA",
                "GB", "+44 20 7946 0000");
    }

    /** The registered GBP customer of the §d example, with the given customer id. */
    public static Contact janeSmith(long customerId) {
        Address billing = londonBilling();
        return new Contact(customerId, "jane@example.co.uk", "Jane", "Smith", null, "+44 20 7946 0000", 1, 1,
                List.of(billing, billing.as("shipping")), "2026-01-10T09:00:00Z", "2026-04-28T16:20:00Z");
    }

    static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
