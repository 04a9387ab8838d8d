package io.sagesync.application.admin;

import io.sagesync.domain.policy.PolicyValidationException;
import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.port.BindingStore;
import io.sagesync.port.SageReference;
import io.sagesync.port.SageReferenceCache;
import io.sagesync.port.SyncPolicyFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and replaces the binding's sync policy. A document must parse (one message per field) and every Sage id it
 * names must exist in the reference cache, so a typo is caught when saving rather than as failed runs later.
 */
public final class SyncSettings {
    private final BindingStore binding;
    private final SageReferenceCache referenceCache;
    private final SyncPolicyFormat format;

    public SyncSettings(BindingStore binding, SageReferenceCache referenceCache, SyncPolicyFormat format) {
        this.binding = Objects.requireNonNull(binding);
        this.referenceCache = Objects.requireNonNull(referenceCache);
        this.format = Objects.requireNonNull(format);
    }

    public SyncPolicy get() {
        return binding.policy();
    }

    /**
     * @param document the policy as a JSON object's text; null when the request's policy was not an object
     * @throws PolicyValidationException with one message per offending field
     */
    public SyncPolicy put(String document) {
        if (document == null) {
            throw new AdminException("invalid_settings", "policy must be a JSON object");
        }
        SyncPolicy policy = format.parse(document);
        List<String> errors = referenceErrors(policy, referenceCache.load().orElse(null));
        if (!errors.isEmpty()) {
            throw new PolicyValidationException(errors);
        }
        binding.savePolicy(policy);
        return policy;
    }

    static List<String> referenceErrors(SyncPolicy p, SageReference ref) {
        List<String> errors = new ArrayList<>();
        check(errors, "default_tax_rate_id", p.defaultTaxRateId(), ref, ref == null ? null : ref.taxRates(),
                "a Sage tax rate");
        check(errors, "default_ledger_account_id", p.defaultLedgerAccountId(), ref,
                ref == null ? null : ref.salesLedgerAccounts(), "a Sage sales ledger account");
        check(errors, "default_purchase_ledger_account_id", p.defaultPurchaseLedgerAccountId(), ref,
                ref == null ? null : ref.purchaseLedgerAccounts(), "a Sage purchase (expenses) ledger account");
        check(errors, "default_bank_account_id", p.defaultBankAccountId(), ref,
                ref == null ? null : ref.bankAccounts(), "a Sage bank account");
        p.taxRateMap().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                check(errors, "tax_rate_map." + e.getKey(), e.getValue(), ref, ref == null ? null : ref.taxRates(),
                        "a Sage tax rate"));
        p.paymentMethodMap().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> e.getValue().isPresent()).forEach(e ->
                        check(errors, "payment_method_map." + e.getKey(), e.getValue().get(), ref,
                                ref == null ? null : ref.bankAccounts(), "a Sage bank account"));
        return errors;
    }

    private static void check(List<String> errors, String field, String id, SageReference ref,
                              Map<String, String> known, String what) {
        if (id == null) {
            return;
        }
        if (ref == null) {
            errors.add(field + ": cannot be checked because the Sage reference cache is empty; connect Sage and run "
                    + "refresh_reference first");
        } else if (!Optional.ofNullable(known).orElse(Map.of()).containsKey(id)) {
            errors.add(field + ": " + id + " is not " + what + " in the connected business (run refresh_reference "
                    + "if it was just created)");
        }
    }
}
