package io.sagesync.simulator.sage;

import java.util.List;

/**
 * What differs between the Sage regions the simulator knows: country, base currency, the tax rates Sage seeds a new
 * business with, and its bank accounts. Sage's public spec lists GB, IE, CA, US, FR and ES; sagesync supports the
 * two VAT regions it can post correctly (GB and IE). Irish ids follow the GB naming pattern; a real business's ids
 * are always read from {@code GET /tax_rates}, never assumed.
 */
enum SageRegion {
    GB("GB", "United Kingdom (GB)", "GBP", "HMRC",
            List.of(rate("GB_STANDARD", "Standard 20.00%", "20.00", Kind.STANDARD),
                    rate("GB_LOWER", "Lower Rate 5.00%", "5.00", Kind.REDUCED),
                    rate("GB_ZERO", "Zero Rated 0.00%", "0.00", Kind.ZERO),
                    rate("GB_EXEMPT", "Exempt 0.00%", "0.00", Kind.EXEMPT),
                    rate("GB_NO_TAX", "No VAT", "0.00", Kind.NO_TAX)),
            List.of(bank("1200", "Current", "GBP"), bank("1210", "Euro Account", "EUR"))),
    IE("IE", "Ireland (IE)", "EUR", "Revenue",
            List.of(rate("IE_STANDARD", "Standard 23.00%", "23.00", Kind.STANDARD),
                    rate("IE_REDUCED", "Reduced 13.50%", "13.50", Kind.REDUCED),
                    rate("IE_SECOND_REDUCED", "Second Reduced 9.00%", "9.00", Kind.REDUCED),
                    rate("IE_LIVESTOCK", "Livestock 4.80%", "4.80", Kind.REDUCED),
                    rate("IE_ZERO", "Zero 0.00%", "0.00", Kind.ZERO),
                    rate("IE_EXEMPT", "Exempt 0.00%", "0.00", Kind.EXEMPT)),
            List.of(bank("1200", "Current", "EUR"), bank("1210", "Sterling Account", "GBP")));

    /** How a rate behaves: zero, exempt and no-tax rates carry no VAT (Sage infers 0.0 for them). */
    enum Kind {
        STANDARD, REDUCED, ZERO, EXEMPT, NO_TAX;

        boolean carriesNoTax() {
            return this == ZERO || this == EXEMPT || this == NO_TAX;
        }
    }

    record Rate(String id, String name, String percentage, Kind kind) {
    }

    record Bank(String nominalCode, String name, String currency) {
    }

    final String country;
    final String countryName;
    final String baseCurrency;
    final String agency;
    final List<Rate> taxRates;
    final List<Bank> banks;

    SageRegion(String country, String countryName, String baseCurrency, String agency, List<Rate> taxRates,
               List<Bank> banks) {
        this.country = country;
        this.countryName = countryName;
        this.baseCurrency = baseCurrency;
        this.agency = agency;
        this.taxRates = taxRates;
        this.banks = banks;
    }

    /** The zero rate a cross-border line must carry when the business does not use destination VAT. */
    String zeroRateId() {
        return taxRates.stream().filter(r -> r.kind() == Kind.ZERO).findFirst().orElseThrow().id();
    }

    private static Rate rate(String id, String name, String percentage, Kind kind) {
        return new Rate(id, name, percentage, kind);
    }

    private static Bank bank(String code, String name, String currency) {
        return new Bank(code, name, currency);
    }
}
