package io.sagesync.domain.sage;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The Sage reference data the worker needs to fill unset policy ids.
 *
 * @param taxRates            tax rates (id, percentage)
 * @param salesLedgerAccounts ledger accounts visible in sales
 * @param bankAccounts        bank accounts
 * @param baseCurrency        the business's base currency (ISO-4217)
 */
public record SageReferenceData(List<TaxRate> taxRates, List<LedgerAccount> salesLedgerAccounts,
                                List<BankAccount> bankAccounts, String baseCurrency) {

    /** Sage's UK standard rate id. */
    public static final String GB_STANDARD = "GB_STANDARD";

    public SageReferenceData {
        taxRates = List.copyOf(taxRates);
        salesLedgerAccounts = List.copyOf(salesLedgerAccounts);
        bankAccounts = List.copyOf(bankAccounts);
    }

    /** @param percentage may be null when Sage did not return it */
    public record TaxRate(String id, BigDecimal percentage) {
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

    /** {@code GB_STANDARD} when the business has it. */
    public Optional<TaxRate> standardTaxRate() {
        return taxRates.stream().filter(r -> GB_STANDARD.equals(r.id())).findFirst();
    }

    /** The base-currency bank account with the lowest nominal code (1200 "Current" in a UK chart). */
    public Optional<BankAccount> defaultBankAccount() {
        return bankAccounts.stream().filter(b -> b.currency() == null || b.currency().equalsIgnoreCase(baseCurrency))
                .min(Comparator.comparingInt(BankAccount::nominalCode));
    }
}
