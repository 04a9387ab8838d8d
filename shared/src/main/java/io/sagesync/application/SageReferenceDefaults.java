package io.sagesync.application;

import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.domain.sage.SageBusiness;
import io.sagesync.domain.sage.SageReferenceData;
import io.sagesync.log.Log;
import io.sagesync.port.SageCallException;
import io.sagesync.port.SageGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Fills the policy's unset Sage ids from the business's reference data (the obvious choice, logged): the sales
 * ledger account with the lowest nominal code, the business's standard (highest) rate, the base-currency bank account with the lowest
 * nominal code; and always takes the base currency from Sage, which is the authority on it. Reference data is cached
 * per execution environment for a while, since it rarely changes and costs four calls. The cache is dropped when Sage
 * rejects a document built from it ({@link #forgetOnRejection}): a deleted tax rate or ledger account shows up as a
 * validation error, and the next job must not build its body from the same stale ids.
 */
final class SageReferenceDefaults {
    private static final Log LOG = Log.of(SageReferenceDefaults.class);

    private final SageGateway sage;
    private final Clock clock;
    private final Duration ttl;
    private SageReferenceData cached;
    private Instant cachedAt;

    SageReferenceDefaults(SageGateway sage, Clock clock, Duration ttl) {
        this.sage = sage;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** @throws io.sagesync.port.SageCallException when the reference data cannot be read */
    SyncPolicy complete(SyncPolicy p) {
        // always read (cached): the base currency comes from Sage even when every id is configured
        SageReferenceData ref = referenceData();
        String ledger = p.defaultLedgerAccountId();
        if (ledger == null) {
            ledger = ref.lowestSalesLedgerAccount().map(SageReferenceData.LedgerAccount::id).orElse(null);
            LOG.info("default_ledger_account_id unset; using lowest sales nominal code", "ledger_account_id", ledger);
        }
        String tax = p.defaultTaxRateId();
        if (tax == null) {
            tax = ref.standardTaxRate().map(SageReferenceData.TaxRate::id).orElse(null);
            LOG.info("default_tax_rate_id unset; using the standard rate", "tax_rate_id", tax);
        }
        String bank = p.defaultBankAccountId();
        if (bank == null) {
            bank = ref.defaultBankAccount().map(SageReferenceData.BankAccount::id).orElse(null);
        }
        String base = ref.baseCurrency() == null ? p.businessBaseCurrency() : ref.baseCurrency();
        if (!base.equalsIgnoreCase(p.businessBaseCurrency())) {
            LOG.warn("business_base_currency differs from Sage's financial settings; using Sage's",
                    "sage_base_currency", base);
        }
        if (ref.country() == null) {
            LOG.warn("Sage did not say the business's country; using the configured business_country",
                    "business_country", p.businessCountry());
        }
        String country = ref.country() == null ? p.businessCountry() : ref.country().toUpperCase(Locale.ROOT);
        return p.completedWith(tax, ledger, bank, base.toUpperCase(Locale.ROOT), country);
    }

    /** The Sage business (country, base currency, tax rates, destination VAT) as last read from Sage. */
    SageBusiness business(SyncPolicy completed) {
        return SageBusiness.of(referenceData(), completed.businessCountry(), completed.businessBaseCurrency());
    }

    /**
     * Runs a Sage write whose body carries ids from the reference data; when Sage rejects it as invalid or names
     * something it cannot find, the cached reference data is forgotten before the failure goes on, so the next
     * attempt (a retry, or the next job) reads it again.
     */
    <T> T forgetOnRejection(Supplier<T> write) {
        try {
            return write.get();
        } catch (SageCallException e) {
            if (e.kind() == SageCallException.Kind.VALIDATION || e.kind() == SageCallException.Kind.NOT_FOUND) {
                forget();
                LOG.info("Sage rejected a document; reference data will be read again", "kind", e.kind().name());
            }
            throw e;
        }
    }

    /** Drops the cached reference data. */
    synchronized void forget() {
        cached = null;
        cachedAt = null;
    }

    /** The reference data, cached. */
    synchronized SageReferenceData referenceData() {
        Instant now = clock.instant();
        if (cached == null || cachedAt.plus(ttl).isBefore(now)) {
            cached = sage.referenceData();
            cachedAt = now;
        }
        return cached;
    }
}
