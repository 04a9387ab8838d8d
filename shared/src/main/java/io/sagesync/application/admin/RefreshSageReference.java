package io.sagesync.application.admin;

import io.sagesync.log.JsonLog;
import io.sagesync.port.SageAccounts;
import io.sagesync.port.SageReference;
import io.sagesync.port.SageReferenceCache;
import io.sagesync.port.SageTokenCustody;
import java.util.Objects;

/** Fetches tax rates, sales/purchase ledger accounts and bank accounts of the connected business into the cache. */
public final class RefreshSageReference {
    private static final JsonLog LOG = JsonLog.of(RefreshSageReference.class);

    private final SageTokenCustody custody;
    private final SageAccounts accounts;
    private final SageReferenceCache cache;

    public RefreshSageReference(SageTokenCustody custody, SageAccounts accounts, SageReferenceCache cache) {
        this.custody = Objects.requireNonNull(custody);
        this.accounts = Objects.requireNonNull(accounts);
        this.cache = Objects.requireNonNull(cache);
    }

    public SageReference refresh() {
        SageReference reference = accounts.fetchReference(custody.current().businessId());
        cache.save(reference);
        LOG.info("sage reference cache refreshed", "tax_rates", reference.taxRates().size(),
                "bank_accounts", reference.bankAccounts().size());
        return reference;
    }
}
