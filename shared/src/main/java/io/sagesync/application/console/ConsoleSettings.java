package io.sagesync.application.console;

import io.sagesync.application.admin.SyncSettings;
import io.sagesync.domain.MagentoPaymentMethod;
import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.log.JsonLog;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.MagentoCallException;
import io.sagesync.port.MagentoPaymentMethods;
import io.sagesync.port.SageReference;
import io.sagesync.port.SageReferenceCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The console's Settings area: the policy with what its pickers offer (the Sage reference data last fetched, the
 * shop's payment methods), and saving through {@link SyncSettings} (same validation as the admin action).
 */
public final class ConsoleSettings {
    private static final JsonLog LOG = JsonLog.of(ConsoleSettings.class);

    /**
     * @param reference the Sage ids the pickers offer; empty before Sage was connected and its data fetched
     * @param methods   the shop's payment methods
     * @param problems  what could not be loaded, in words for the page
     */
    public record View(SyncPolicy policy, Optional<SageReference> reference, List<MagentoPaymentMethod> methods,
                       List<String> problems) {
    }

    private final SyncSettings settings;
    private final SageReferenceCache reference;
    private final MagentoPaymentMethods paymentMethods;

    public ConsoleSettings(SyncSettings settings, SageReferenceCache reference, MagentoPaymentMethods paymentMethods) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.reference = Objects.requireNonNull(reference, "reference");
        this.paymentMethods = Objects.requireNonNull(paymentMethods, "paymentMethods");
    }

    public View view() {
        List<String> problems = new ArrayList<>();
        Optional<SageReference> ref = reference.load();
        if (ref.isEmpty()) {
            problems.add("No Sage reference data yet: connect Sage (Connection) so the account and tax pickers can "
                    + "be filled.");
        }
        List<MagentoPaymentMethod> methods = List.of();
        try {
            methods = paymentMethods.list();
        } catch (MagentoCallException e) {
            LOG.warn("payment methods unavailable", "kind", e.kind().name());
            problems.add("The shop's payment methods could not be read just now (" + e.getMessage()
                    + "); the map shows the methods already saved.");
        } catch (InfrastructureException e) {
            problems.add("The shop's payment methods could not be read just now; try again.");
        }
        return new View(settings.get(), ref, methods, problems);
    }

    /** @throws io.sagesync.domain.policy.PolicyValidationException one message per refused field */
    public SyncPolicy save(String document) {
        SyncPolicy saved = settings.put(document);
        LOG.info("settings saved from the console");
        return saved;
    }
}
