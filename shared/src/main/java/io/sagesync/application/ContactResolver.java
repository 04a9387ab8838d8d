package io.sagesync.application;

import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.Xref;
import io.sagesync.domain.magento.CanonicalContact;
import io.sagesync.domain.magento.CanonicalInvoice;
import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.domain.sage.ContactKeys;
import io.sagesync.domain.sage.ContactMapper;
import io.sagesync.domain.sage.ContactRoute;
import io.sagesync.domain.sage.ContactRouting;
import io.sagesync.domain.sage.IdempotencyIds;
import io.sagesync.domain.sage.MappingWarning;
import io.sagesync.domain.sage.SageContact;
import io.sagesync.domain.sage.SageContactRequest;
import io.sagesync.port.SageCallException;
import io.sagesync.port.SageGateway;
import io.sagesync.port.XrefStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Sage contact an invoice goes to: per (buyer, currency), or the per-currency B2C fallback; found by
 * cross-reference, else in Sage by exact reference (checked: same currency, and for a buyer the same email, so a
 * reference collision never binds one customer's invoices to another's contact), else created.
 *
 * <p>The search guards against a lost cross-reference (a crash between the contact POST and the xref write, a
 * restored table). A buyer who registered in Magento within Sage's {@code idempotency_id} replay window ({@link
 * SyncWorkerSettings#lookupBeforePostAfter()}, 6 of Sage's 7 days) cannot have a contact older than that window, so
 * for them the create's deterministic idempotency id is the guard: a repeated POST returns the contact Sage already
 * made instead of a second one. They skip the search (a new customer costs two Sage calls, not three); if Sage
 * refuses the create (e.g. someone else's contact holds the reference), the search runs after all.
 */
final class ContactResolver {
    /** Failure reason when the contact found under our reference belongs to someone else or another currency. */
    static final String CONTACT_REFERENCE_CONFLICT = "contact_reference_conflict";

    private final String tenantId;
    private final SageGateway sage;
    private final XrefStore xrefs;
    private final Clock clock;
    private final Duration replayWindow;

    /** @param replayWindow how long Sage surely replays an idempotency id ({@link SyncWorkerSettings}) */
    ContactResolver(String tenantId, SageGateway sage, XrefStore xrefs, Clock clock, Duration replayWindow) {
        this.tenantId = tenantId;
        this.sage = sage;
        this.xrefs = xrefs;
        this.clock = clock;
        this.replayWindow = replayWindow;
    }

    String contactFor(CanonicalInvoice invoice, SyncPolicy policy, Set<MappingWarning> warnings) {
        return contactFor(invoice, policy, false, warnings);
    }

    /**
     * @param destinationSupply a destination-VAT (OSS) supply always gets the buyer's own contact: Sage determines
     *                          destination rates from the contact's country, which a consolidated fallback contact
     *                          (in the business's own country) cannot carry
     */
    String contactFor(CanonicalInvoice invoice, SyncPolicy policy, boolean destinationSupply,
                      Set<MappingWarning> warnings) {
        CanonicalContact buyer = invoice.customer();
        String currency = invoice.currency();
        String key = ContactKeys.xrefKey(buyer, currency);
        Optional<Xref> known = xrefs.find(key);
        ContactRoute route = destinationSupply ? new ContactRoute(true, "destination_vat")
                : ContactRouting.route(buyer, invoice.grandTotal(), policy, known.isPresent());
        if (route.individual()) {
            if (known.isPresent()) {
                return known.get().sageId();
            }
            String reference = InvoiceSync.mapping(() ->
                    ContactKeys.reference(buyer, currency, policy.businessBaseCurrency()));
            String id = findOrCreate(key, reference, buyer.email(), currency, registeredRecently(buyer),
                    () -> ContactMapper.map(buyer,
                    invoice.effectiveBillingAddress().orElse(null), invoice.effectiveShippingAddress().orElse(null),
                    currency, policy, IdempotencyIds.of(tenantId, "contact", key, "create"), warnings));
            indexCurrency(xrefs, buyer, currency);
            return id;
        }
        String fallbackKey = ContactRouting.fallbackXrefKey(currency);
        Optional<Xref> fallback = xrefs.find(fallbackKey);
        if (fallback.isPresent()) {
            return fallback.get().sageId();
        }
        return findOrCreate(fallbackKey, ContactRouting.fallbackReference(policy, currency), null, currency, false,
                () -> ContactRouting.fallbackContact(policy, currency,
                        IdempotencyIds.of(tenantId, "contact", fallbackKey, "create")));
    }

    /**
     * A lost xref must not duplicate a contact: Sage is searched by the exact reference first, then checked.
     *
     * @param idempotencyGuards the buyer is too new for a contact beyond Sage's replay window: create directly
     */
    private String findOrCreate(String xrefKey, String reference, String email, String currency,
                                boolean idempotencyGuards, Supplier<SageContactRequest> request) {
        String id = idempotencyGuards ? createOrFindOnRefusal(reference, email, currency, request)
                : find(reference, email, currency)
                        .orElseGet(() -> InvoiceSync.sageCall(() -> sage.createContact(InvoiceSync.mapping(request))));
        xrefs.put(xrefKey, new Xref(id, reference));
        return id;
    }

    private String createOrFindOnRefusal(String reference, String email, String currency,
                                         Supplier<SageContactRequest> request) {
        SageContactRequest body = InvoiceSync.mapping(request);
        try {
            return sage.createContact(body);
        } catch (SageCallException refused) {
            if (refused.kind() != SageCallException.Kind.VALIDATION) {
                throw SyncFailure.of(refused);
            }
            // e.g. the reference is taken: a contact Sage has under it is this buyer's only if it passes the checks
            return find(reference, email, currency).orElseThrow(() -> SyncFailure.of(refused));
        }
    }

    private Optional<String> find(String reference, String email, String currency) {
        Optional<SageContact> found = InvoiceSync.sageCall(() -> sage.findContactByReference(reference));
        found.ifPresent(c -> requireSameBuyer(c, email, currency));
        return found.map(SageContact::id);
    }

    /** A registered buyer whose Magento account is younger than the replay window (guests carry no such date). */
    private boolean registeredRecently(CanonicalContact buyer) {
        return !buyer.isGuest() && buyer.createdAt() != null
                && buyer.createdAt().isAfter(clock.instant().minus(replayWindow));
    }

    /**
     * Records that a registered buyer has a contact in {@code currency} ({@link ContactKeys#currencyIndexKey}), so
     * {@code customer.upserted} updates every currency variant. Written only when the currency is new to the index.
     */
    static void indexCurrency(XrefStore xrefs, CanonicalContact buyer, String currency) {
        if (buyer.isGuest()) {
            return;
        }
        String key = ContactKeys.currencyIndexKey(buyer.magentoId());
        String code = currency.toUpperCase(java.util.Locale.ROOT);
        Optional<Xref> index = xrefs.find(key);
        java.util.TreeSet<String> currencies = new java.util.TreeSet<>(index.map(ContactResolver::currencies)
                .orElse(java.util.Set.of()));
        if (currencies.add(code)) {
            xrefs.put(key, new Xref("M" + buyer.magentoId(), null, String.join(",", currencies)));
        }
    }

    /** The currencies a {@link ContactKeys#currencyIndexKey} entry lists. */
    static java.util.Set<String> currencies(Xref index) {
        String state = index.syncedState();
        return state == null || state.isBlank() ? java.util.Set.of()
                : java.util.Set.copyOf(java.util.Arrays.asList(state.split(",")));
    }

    private static void requireSameBuyer(SageContact found, String email, String currency) {
        boolean currencyDiffers = found.currencyId() != null && !found.currencyId().equalsIgnoreCase(currency);
        boolean emailDiffers = email != null && found.email() != null
                && !ContactKeys.normalisedEmail(found.email()).equals(ContactKeys.normalisedEmail(email));
        if (currencyDiffers || emailDiffers) {
            throw SyncFailure.permanent(ErrorClass.VALIDATION, CONTACT_REFERENCE_CONFLICT + ": "
                    + (currencyDiffers ? "currency" : "email"), null);
        }
    }
}
