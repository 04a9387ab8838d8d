package io.sagesync.domain.sage;

import io.sagesync.domain.magento.CanonicalAddress;
import java.util.List;

/** Canonical → Sage address conversion shared by the contact and invoice mappers. */
final class Addresses {
    private Addresses() {
    }

    /** First street line → line 1, the rest joined with ", " → line 2. */
    static SageAddress toSage(CanonicalAddress a, String name) {
        List<String> street = a.street();
        String line1 = street.isEmpty() ? null : street.get(0);
        String line2 = street.size() > 1 ? String.join(", ", street.subList(1, street.size())) : null;
        return new SageAddress(line1, line2, a.city(), a.postcode(), a.region(), a.countryId(), name);
    }
}
