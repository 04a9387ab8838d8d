package io.sagesync.domain.sage;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Sage regions sagesync posts VAT for, and the few facts about each that Sage's API does not give: the time
 * zone a VAT period is counted in, and which of the business's 0 % rates is "zero rated" (Sage lists zero, exempt
 * and no-VAT rates, all at 0 %). Everything else (rate ids, percentages, base currency) is read from the business.
 * This is the only place a {@code GB_} id is written down. A business in any other region is refused with
 * {@value #UNSUPPORTED}: posting a Canadian or US sales tax with VAT rules would be wrong.
 */
public enum TaxRegion {
    /** United Kingdom: Sage's UK ids (sage-api-v3.1.md §5.7). */
    GB("GB", ZoneId.of("Europe/London"), "GB_ZERO",
            List.of(new SageReferenceData.TaxRate("GB_STANDARD", new BigDecimal("20.00"), "Standard 20.00%"),
                    new SageReferenceData.TaxRate("GB_LOWER", new BigDecimal("5.00"), "Lower Rate 5.00%"),
                    new SageReferenceData.TaxRate("GB_ZERO", new BigDecimal("0.00"), "Zero Rated 0.00%"),
                    new SageReferenceData.TaxRate("GB_EXEMPT", new BigDecimal("0.00"), "Exempt 0.00%"),
                    new SageReferenceData.TaxRate("GB_NO_TAX", new BigDecimal("0.00"), "No VAT"))),
    /** Ireland: ids are not documented, so the zero rate is found by name among the business's 0 % rates. */
    IE("IE", ZoneId.of("Europe/Dublin"), null, List.of());

    /** Failure code for a business outside these regions. */
    public static final String UNSUPPORTED = "unsupported_business_region";

    private final String country;
    private final ZoneId zone;
    private final String zeroRateId;
    private final List<SageReferenceData.TaxRate> seededRates;

    TaxRegion(String country, ZoneId zone, String zeroRateId, List<SageReferenceData.TaxRate> seededRates) {
        this.country = country;
        this.zone = zone;
        this.zeroRateId = zeroRateId;
        this.seededRates = seededRates;
    }

    /** The region of a Sage business country, or {@link MappingException} {@value #UNSUPPORTED}. */
    public static TaxRegion of(String country) {
        String c = country == null ? "" : country.toUpperCase(Locale.ROOT);
        for (TaxRegion r : values()) {
            if (r.country.equals(c)) {
                return r;
            }
        }
        throw new MappingException(UNSUPPORTED, "Sage business country " + c + " is not a supported VAT region");
    }

    public String country() {
        return country;
    }

    /** The zone VAT periods are counted in: document dates are local dates here. */
    public ZoneId zone() {
        return zone;
    }

    /** The rates a new business of this region starts with (used when a policy is mapped without Sage's list). */
    public List<SageReferenceData.TaxRate> seededRates() {
        return seededRates;
    }

    /** The business's zero rate: the region's id when the business has it, else a 0 % rate named "zero". */
    public Optional<String> zeroRate(List<SageReferenceData.TaxRate> rates) {
        if (zeroRateId != null && rates.stream().anyMatch(r -> zeroRateId.equals(r.id()))) {
            return Optional.of(zeroRateId);
        }
        return rates.stream()
                .filter(r -> r.percentage() != null && r.percentage().signum() == 0)
                .filter(r -> (r.name() == null ? r.id() : r.name()).toLowerCase(Locale.ROOT).contains("zero"))
                .map(SageReferenceData.TaxRate::id).findFirst()
                .or(() -> Optional.ofNullable(zeroRateId));
    }
}
