package io.sagesync.domain.sage;

import java.util.List;
import java.util.Objects;

/**
 * What the mapper must know about the Sage business it posts into, all read from Sage ({@code businesses/{id}},
 * {@code financial_settings}, {@code tax_rates}).
 *
 * @param country        ISO-3166 country of the business
 * @param baseCurrency   ISO-4217 base currency
 * @param taxRates       the business's sales tax rates (id, percentage, name)
 * @param destinationVat   {@code financial_settings.destination_vat}
 * @param destinationRates the destination (OSS) rates Sage determined for one document's buyer and date
 *                         ({@code GET /tax_determinations?include_destination_vat=true}); empty unless the caller
 *                         fetched them for a {@link InvoiceMapper#destinationSupply destination supply}
 */
public record SageBusiness(String country, String baseCurrency, List<SageReferenceData.TaxRate> taxRates,
                           boolean destinationVat, List<SageReferenceData.TaxRate> destinationRates) {
    public SageBusiness {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(baseCurrency, "baseCurrency");
        taxRates = List.copyOf(taxRates);
        destinationRates = List.copyOf(destinationRates);
    }

    /** A business as read from Sage, before any document's destination rates are known. */
    public SageBusiness(String country, String baseCurrency, List<SageReferenceData.TaxRate> taxRates,
                        boolean destinationVat) {
        this(country, baseCurrency, taxRates, destinationVat, List.of());
    }

    /** The same business with the destination rates Sage determined for one document. */
    public SageBusiness withDestinationRates(List<SageReferenceData.TaxRate> rates) {
        return new SageBusiness(country, baseCurrency, taxRates, destinationVat, rates);
    }

    /** A business of {@code country} with its region's seeded rates (tests and policy-only mapping). */
    public static SageBusiness seeded(String country, String baseCurrency) {
        return new SageBusiness(country, baseCurrency, TaxRegion.of(country).seededRates(), false);
    }

    /** From reference data read from Sage. */
    public static SageBusiness of(SageReferenceData ref, String fallbackCountry, String fallbackCurrency) {
        return new SageBusiness(ref.country() == null ? fallbackCountry : ref.country(),
                ref.baseCurrency() == null ? fallbackCurrency : ref.baseCurrency(), ref.taxRates(),
                ref.destinationVat());
    }

    /** The region, or {@link MappingException} {@value TaxRegion#UNSUPPORTED}. */
    public TaxRegion region() {
        return TaxRegion.of(country);
    }
}
