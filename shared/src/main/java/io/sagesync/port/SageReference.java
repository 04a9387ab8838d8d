package io.sagesync.port;

import java.time.Instant;
import java.util.Map;

/**
 * The Sage ids a sync policy may name, as last fetched (id → display name).
 *
 * @param businessId             the business they belong to
 * @param taxRates               {@code GET /tax_rates}
 * @param salesLedgerAccounts    {@code GET /ledger_accounts?visible_in=sales}
 * @param purchaseLedgerAccounts {@code GET /ledger_accounts?visible_in=expenses}
 * @param bankAccounts           {@code GET /bank_accounts}
 * @param refreshedAt            when they were fetched
 */
public record SageReference(String businessId, Map<String, String> taxRates, Map<String, String> salesLedgerAccounts,
                            Map<String, String> purchaseLedgerAccounts, Map<String, String> bankAccounts,
                            Instant refreshedAt) {
    public SageReference {
        taxRates = Map.copyOf(taxRates);
        salesLedgerAccounts = Map.copyOf(salesLedgerAccounts);
        purchaseLedgerAccounts = Map.copyOf(purchaseLedgerAccounts);
        bankAccounts = Map.copyOf(bankAccounts);
    }
}
