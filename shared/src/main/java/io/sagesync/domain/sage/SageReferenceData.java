package io.sagesync.domain.sage;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The Sage reference data the worker needs: what to fill unset policy ids with, and the business facts the mapper
 * depends on.
 *
 * @param taxRates            tax rates (id, percentage, name)
 * @param salesLedgerAccounts ledger accounts visible in sales
 * @param bankAccounts        bank accounts
 * @param baseCurrency        the business's base currency (ISO-4217, {@code financial_settings.base_currency})
 * @param country             the business's country (ISO-3166, {@code businesses/{id}.country}); null if unknown
 * @param destinationVat      {@code financial_settings.destination_vat}
 */
public record SageReferenceData(List<TaxRate> taxRates, List<LedgerAccount> salesLedgerAccounts,
                                List<BankAccount> bankAccounts, String baseCurrency, String country,
                                boolean destinationVat) {

    public SageReferenceData {
        taxRates = List.copyOf(taxRates);
        salesLedgerAccounts = List.copyOf(salesLedgerAccounts);
        bankAccounts = List.copyOf(bankAccounts);
    }

    /** Reference data of a UK business without destination VAT (tests). */
    public SageReferenceData(List<TaxRate> taxRates, List<LedgerAccount> salesLedgerAccounts,
                             List<BankAccount> bankAccounts, String baseCurrency) {
        this(taxRates, salesLedgerAccounts, bankAccounts, baseCurrency, "GB", false);
    }

    /**
     * @param percentage may be null when Sage did not return it
     * @param name       may be null
     */
    public record TaxRate(String id, BigDecimal percentage, String name) {
        public TaxRate(String id, BigDecimal percentage) {
            this(id, percentage, null);
        }
    }

    public record LedgerAccount(String id, int nominalCode) {
    }

    /** @param currency ISO code, may be null */
    public record BankAccount(String id, String currency, int nominalCode) {
    }

    /** The obvious default sales ledger: the lowest nominal code (4000 "Sales" in a UK chart). */
    public Optional<LedgerAccount> lowestSalesLedgerAccount() {
        return salesLedgerAccounts.stream().min(Comparator.comparingInt(LedgerAccount::nominalCode));
    }

    /** The highest-percentage rate: the standard rate in every VAT region (GB 20 %, IE 23 %). */
    public Optional<TaxRate> standardTaxRate() {
        return taxRates.stream().filter(r -> r.percentage() != null)
                .max(Comparator.comparing(TaxRate::percentage));
    }

    /** The base-currency bank account with the lowest nominal code (1200 "Current" in a UK chart). */
    public Optional<BankAccount> defaultBankAccount() {
        return bankAccountIn(baseCurrency);
    }

    /** The bank account in {@code currency} with the lowest nominal code. */
    public Optional<BankAccount> bankAccountIn(String currency) {
        return bankAccounts.stream().filter(b -> b.currency() == null ? currency.equalsIgnoreCase(baseCurrency)
                        : b.currency().equalsIgnoreCase(currency))
                .min(Comparator.comparingInt(BankAccount::nominalCode));
    }
}
