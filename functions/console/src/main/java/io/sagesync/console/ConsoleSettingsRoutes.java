package io.sagesync.console;

import io.sagesync.application.admin.AdminException;
import io.sagesync.application.admin.ConnectSage;
import io.sagesync.application.admin.PairMagento;
import io.sagesync.application.console.ConnectionStatus;
import io.sagesync.application.console.ConsoleSettings;
import io.sagesync.console.html.ConnectionPage;
import io.sagesync.console.html.SettingsPage;
import io.sagesync.domain.MagentoPaymentMethod;
import io.sagesync.domain.policy.PolicyValidationException;
import io.sagesync.port.MagentoCallException;
import io.sagesync.port.SageReference;
import io.sagesync.port.SyncPolicyFormat;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Settings, "Pair with Magento" and "Connect Sage": each reads the form and calls one admin use case. */
final class ConsoleSettingsRoutes {
    private final ConsoleSettings settings;
    private final SyncPolicyFormat format;
    private final PairMagento pairing;
    private final ConnectSage connectSage;
    private final ConnectionStatus connection;
    private final String sageAuthorizeUrl;

    ConsoleSettingsRoutes(ConsoleSettings settings, SyncPolicyFormat format, PairMagento pairing,
                          ConnectSage connectSage, ConnectionStatus connection, String sageAuthorizeUrl) {
        this.settings = Objects.requireNonNull(settings);
        this.format = Objects.requireNonNull(format);
        this.pairing = Objects.requireNonNull(pairing);
        this.connectSage = Objects.requireNonNull(connectSage);
        this.connection = Objects.requireNonNull(connection);
        this.sageAuthorizeUrl = Objects.requireNonNull(sageAuthorizeUrl);
    }

    String sageAuthorizeOrigin() {
        URI uri = URI.create(sageAuthorizeUrl);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    Optional<WebResponse> handle(String route, WebRequest r, String csrf, String notice) {
        return switch (route) {
            case "GET /dashboard/settings" -> {
                ConsoleSettings.View view = settings.view();
                yield Optional.of(WebResponse.html(200, SettingsPage.render(
                        PolicyForm.values(format.serialise(view.policy())), choices(view), Map.of(), notice, csrf)));
            }
            case "POST /dashboard/settings" -> Optional.of(save(r, csrf));
            case "POST /dashboard/pair" -> Optional.of(pair(r, csrf));
            case "POST /dashboard/sage/connect" -> Optional.of(connect(r, csrf));
            default -> Optional.empty();
        };
    }

    private WebResponse save(WebRequest r, String csrf) {
        ConsoleSettings.View view = settings.view();
        try {
            settings.save(PolicyForm.apply(format.serialise(view.policy()), r.form()));
            return WebResponse.seeOther("/dashboard/settings?notice=saved");
        } catch (PolicyValidationException e) {
            // the merchant's own input again, with a message next to each refused field
            Map<String, String> typed = new java.util.LinkedHashMap<>(PolicyForm.values(
                    format.serialise(view.policy())));
            r.form().forEach((k, v) -> {
                if (!k.equals("csrf")) {
                    typed.put(k, v);
                }
            });
            PolicyForm.checkboxes().forEach(f -> typed.put(f, "true".equals(r.form().get(f)) ? "true" : ""));
            return WebResponse.html(400, SettingsPage.render(typed, choices(view),
                    PolicyForm.errors(e.fieldErrors()), null, csrf));
        }
    }

    private WebResponse pair(WebRequest r, String csrf) {
        String ledger = r.header("x-forwarded-proto") == null ? "https://" + r.header("host")
                : r.header("x-forwarded-proto") + "://" + r.header("host");
        try {
            PairMagento.Result result = pairing.pair(r.form().get("shop_url"), r.form().get("pairing_code"),
                    ledger);
            if (!result.pingOk()) {
                return WebResponse.html(200, ConnectionPage.render(connection.read(), null,
                        "Paired, but the test call to the shop failed: " + result.pingMessage(), csrf));
            }
            return WebResponse.seeOther("/dashboard?notice=paired");
        } catch (AdminException | MagentoCallException e) {
            return WebResponse.html(400, ConnectionPage.render(connection.read(), null,
                    "Not paired: " + e.getMessage(), csrf));
        }
    }

    private WebResponse connect(WebRequest r, String csrf) {
        String business = r.form().get("business_id");
        try {
            // blank: Sage's login decides (one business); the callback names the choices when there are several
            return WebResponse.seeOther(connectSage.start(business == null || business.isBlank() ? null
                    : business.trim()));
        } catch (AdminException e) {
            return WebResponse.html(400, ConnectionPage.render(connection.read(), null,
                    "Sage cannot be connected yet: " + e.getMessage(), csrf));
        }
    }

    private static SettingsPage.Choices choices(ConsoleSettings.View view) {
        SageReference ref = view.reference().orElse(null);
        List<MagentoPaymentMethod> methods = new ArrayList<>(view.methods());
        // methods already mapped but no longer reported by the shop stay editable
        view.policy().paymentMethodMap().keySet().stream().sorted()
                .filter(code -> methods.stream().noneMatch(m -> m.code().equals(code)))
                .forEach(code -> methods.add(new MagentoPaymentMethod(code, null, false)));
        return new SettingsPage.Choices(byName(ref == null ? Map.of() : ref.taxRates()),
                byName(ref == null ? Map.of() : ref.salesLedgerAccounts()),
                byName(ref == null ? Map.of() : ref.purchaseLedgerAccounts()),
                byName(ref == null ? Map.of() : ref.bankAccounts()), methods, view.problems());
    }

    /** Pickers list names alphabetically. */
    private static Map<String, String> byName(Map<String, String> idToName) {
        Map<String, String> sorted = new java.util.LinkedHashMap<>();
        idToName.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
