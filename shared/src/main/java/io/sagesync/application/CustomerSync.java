package io.sagesync.application;

import io.sagesync.domain.EntityType;
import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.RunOutcome;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.Xref;
import io.sagesync.domain.magento.CanonicalContact;
import io.sagesync.domain.magento.CanonicalParseException;
import io.sagesync.domain.policy.PolicyDecision;
import io.sagesync.domain.policy.SkipReason;
import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.domain.policy.SyncPolicyEvaluator;
import io.sagesync.domain.sage.ContactKeys;
import io.sagesync.domain.sage.ContactMapper;
import io.sagesync.domain.sage.ContactRouting;
import io.sagesync.domain.sage.MappingWarning;
import io.sagesync.domain.sage.SageContactRequest;
import io.sagesync.domain.sage.SageReferenceData;
import io.sagesync.port.BindingStore;
import io.sagesync.port.MagentoGateway;
import io.sagesync.port.SageGateway;
import io.sagesync.port.XrefStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code customer.upserted} → every Sage contact already bound to the customer gets the customer's current name (per
 * {@code customer_name_priority}), company, email, phone and default addresses, one currency variant at a time
 * ({@code PUT /contacts/{id}}, the same mapping, HTML decoding and field limits as invoices use). Update-only (§g): a
 * customer without a contact is skipped ({@code customer_not_in_sage}); the invoice that needs one creates it. The
 * B2C fallback contacts are never touched. A variant whose last update already says the same costs no Sage call.
 *
 * <p>Variants are found by cross-reference: the base currency, the currencies in the customer's index
 * ({@link ContactKeys#currencyIndexKey}) and the currencies of the business's bank accounts (which cover contacts
 * bound before the index existed in any currency the business banks in).
 */
final class CustomerSync {
    private final MagentoGateway magento;
    private final Function<String, CanonicalContact> parser;
    private final BindingStore bindings;
    private final SageGateway sage;
    private final XrefStore xrefs;
    private final SageReferenceDefaults defaults;
    private final Clock clock;

    CustomerSync(MagentoGateway magento, Function<String, CanonicalContact> parser, BindingStore bindings,
                 SageGateway sage, XrefStore xrefs, SageReferenceDefaults defaults, Clock clock) {
        this.magento = magento;
        this.parser = parser;
        this.bindings = bindings;
        this.sage = sage;
        this.xrefs = xrefs;
        this.defaults = defaults;
        this.clock = clock;
    }

    RunOutcome sync(SyncJob job, Instant startedAt) {
        CanonicalContact customer = fetch(job.magentoEntityId());
        SyncPolicy stored = InvoiceSync.storedPolicy(bindings);
        PolicyDecision decision = SyncPolicyEvaluator.evaluateCustomer(customer, stored);
        if (!decision.shouldProceed()) {
            return RunOutcome.skipped(decision.skipReason().code(), startedAt, clock.instant());
        }
        if (customer.isGuest()) {
            return RunOutcome.skipped(SkipReason.CUSTOMER_NOT_IN_SAGE.code(), startedAt, clock.instant());
        }
        SyncPolicy policy = InvoiceSync.sageCall(() -> defaults.complete(stored));
        Set<MappingWarning> warnings = new LinkedHashSet<>();
        Xref first = null;
        for (String currency : candidateCurrencies(customer.magentoId(), policy)) {
            String key = ContactKeys.xrefKey(customer.magentoId(), currency);
            Optional<Xref> bound = xrefs.find(key);
            if (bound.isEmpty() || isFallback(bound.get(), currency)) {
                continue;
            }
            Xref contact = bound.get();
            SageContactRequest update = InvoiceSync.mapping(() -> ContactMapper.map(customer,
                    customer.billingAddress().orElse(null), customer.shippingAddress().orElse(null), currency,
                    policy, null, warnings));
            String fingerprint = Fingerprints.of(update.toString());
            if (!fingerprint.equals(contact.syncedState())) {
                InvoiceSync.sageCall(() -> {
                    sage.updateContact(contact.sageId(), update);
                    return null;
                });
                xrefs.put(key, contact.withSyncedState(fingerprint));
            }
            if (first == null || currency.equalsIgnoreCase(policy.businessBaseCurrency())) {
                first = contact;
            }
        }
        Instant finishedAt = clock.instant();
        if (first == null) {
            return RunOutcome.skipped(SkipReason.CUSTOMER_NOT_IN_SAGE.code(), startedAt, finishedAt);
        }
        return RunOutcome.succeeded(first.sageId(), first.sageReference(), false, startedAt, finishedAt)
                .withWarnings(warnings.stream().map(MappingWarning::code).toList());
    }

    /** Base currency first, then the indexed and banked currencies, each once. */
    private List<String> candidateCurrencies(long customerId, SyncPolicy policy) {
        Set<String> currencies = new TreeSet<>();
        xrefs.find(ContactKeys.currencyIndexKey(customerId)).map(ContactResolver::currencies)
                .ifPresent(currencies::addAll);
        SageReferenceData reference = InvoiceSync.sageCall(defaults::referenceData);
        reference.bankAccounts().stream().map(SageReferenceData.BankAccount::currency)
                .filter(c -> c != null && !c.isBlank()).map(c -> c.toUpperCase(Locale.ROOT))
                .forEach(currencies::add);
        String base = policy.businessBaseCurrency().toUpperCase(Locale.ROOT);
        currencies.remove(base);
        List<String> ordered = new java.util.ArrayList<>();
        ordered.add(base);
        ordered.addAll(currencies);
        return ordered;
    }

    /** A customer's key can only point at the shared fallback contact by mistake; it is never updated. */
    private boolean isFallback(Xref contact, String currency) {
        return xrefs.find(ContactRouting.fallbackXrefKey(currency))
                .map(f -> f.sageId().equals(contact.sageId())).orElse(false);
    }

    private CanonicalContact fetch(long customerId) {
        String body = MagentoFetch.body(() -> magento.fetchCanonical(EntityType.CUSTOMER, customerId), bindings,
                "customer");
        try {
            return parser.apply(body);
        } catch (CanonicalParseException e) {
            throw SyncFailure.permanent(ErrorClass.SERDE, "canonical_customer_unreadable", e);
        }
    }
}
