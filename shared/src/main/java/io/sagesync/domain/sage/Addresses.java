package io.sagesync.domain.sage;

import io.sagesync.domain.magento.CanonicalAddress;
import java.util.List;
import java.util.Set;

/**
 * Canonical → Sage address conversion shared by the contact and invoice mappers. Text is HTML-decoded (quirk §22)
 * and cut to Sage's Swagger limits ({@code Address}: lines, city, region and name 50, postcode 10) with an
 * {@link MappingWarning#ADDRESS_TRUNCATED} warning, because Sage answers 422 to a longer field and the whole
 * document would be lost over a long street name.
 */
final class Addresses {
    static final int LINE_MAX = 50;
    static final int POSTCODE_MAX = 10;

    private Addresses() {
    }

    /** First street line → line 1, the rest joined with ", " → line 2. */
    static SageAddress toSage(CanonicalAddress a, String name, Set<MappingWarning> warnings) {
        List<String> street = a.street();
        String line1 = street.isEmpty() ? null : street.get(0);
        String line2 = street.size() > 1 ? String.join(", ", street.subList(1, street.size())) : null;
        return new SageAddress(fit(line1, LINE_MAX, warnings), fit(line2, LINE_MAX, warnings),
                fit(a.city(), LINE_MAX, warnings), fit(a.postcode(), POSTCODE_MAX, warnings),
                fit(a.region(), LINE_MAX, warnings), a.countryId(), fit(name, LINE_MAX, warnings));
    }

    /** Plain text within {@code max} characters; null stays null. */
    static String fit(String value, int max, Set<MappingWarning> warnings) {
        if (value == null) {
            return null;
        }
        String plain = HtmlText.toPlainText(value);
        if (plain.length() <= max) {
            return plain;
        }
        warnings.add(MappingWarning.ADDRESS_TRUNCATED);
        return plain.substring(0, max).strip();
    }
}
