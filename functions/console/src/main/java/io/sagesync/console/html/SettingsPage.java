package io.sagesync.console.html;

import static io.sagesync.console.html.Html.esc;

import io.sagesync.domain.MagentoPaymentMethod;
import java.util.List;
import java.util.Map;

/**
 * Settings: the sync policy as a form. Pickers list the connected Sage business's reference data; the payment-method
 * map lists the shop's methods. Each refused field shows its message next to it (and is marked invalid).
 */
public final class SettingsPage {
    private SettingsPage() {
    }

    /**
     * @param taxRates      id → name, and likewise for the ledgers and bank accounts (empty when not loaded)
     * @param methods       the shop's payment methods
     * @param problems      page-level problems (reference data or payment methods unavailable)
     */
    public record Choices(Map<String, String> taxRates, Map<String, String> salesLedgers,
                          Map<String, String> purchaseLedgers, Map<String, String> bankAccounts,
                          List<MagentoPaymentMethod> methods, List<String> problems) {
    }

    /**
     * @param values flat field name → current value ({@code payment_method_map.<code>} for the map; "true" for
     *               ticked boxes)
     * @param errors field name → message
     */
    public static String render(Map<String, String> values, Choices c, Map<String, String> errors, String notice,
                                String csrf) {
        StringBuilder b = new StringBuilder(Html.notice("ok", notice));
        if (!errors.isEmpty()) {
            b.append(Html.notice("error", "The settings were not saved: " + errors.size()
                    + (errors.size() == 1 ? " field needs" : " fields need") + " attention."));
        }
        c.problems().forEach(p -> b.append(Html.notice("error", p)));
        b.append("<form method=\"post\" action=\"/dashboard/settings\" novalidate>").append(Html.csrfField(csrf))
                .append("<fieldset><legend>What to sync</legend>");
        checkbox(b, values, errors, "sync_unpaid_invoices", "Sync unpaid invoices");
        checkbox(b, values, errors, "sync_zero_value_invoices", "Sync zero-value invoices");
        checkbox(b, values, errors, "sync_products", "Sync products");
        checkbox(b, values, errors, "sync_stock", "Sync stock (with products)");
        text(b, values, errors, "sync_since", "Sync since (ISO date-time, e.g. 2026-01-01T00:00:00Z; blank = all)");
        text(b, values, errors, "website_filter", "Website ids (comma-separated; blank = all)");
        text(b, values, errors, "store_filter", "Store ids (comma-separated; blank = all)");
        b.append("</fieldset><fieldset><legend>Sage defaults</legend>");
        select(b, values, errors, "default_ledger_account_id", "Sales ledger account", c.salesLedgers(), "not set");
        select(b, values, errors, "default_tax_rate_id", "Default tax rate", c.taxRates(), "not set");
        select(b, values, errors, "default_bank_account_id", "Bank account for unmapped payment methods",
                c.bankAccounts(), "none (leave such invoices unpaid)");
        select(b, values, errors, "default_purchase_ledger_account_id", "Purchase ledger account (products)",
                c.purchaseLedgers(), "not set");
        text(b, values, errors, "invoice_number_prefix", "Invoice number prefix");
        select(b, values, errors, "customer_name_priority", "Contact name when both company and person exist",
                Map.of("Company", "Company", "Person", "Person"), null);
        select(b, values, errors, "default_eu_goods_services_type", "Cross-border lines default to",
                Map.of("GOODS", "Goods", "SERVICES", "Services"), null);
        b.append("</fieldset><fieldset><legend>Payment methods → Sage bank accounts</legend>");
        if (c.methods().isEmpty()) {
            b.append("<p class=\"hint\">The shop reported no payment methods.</p>");
        }
        for (MagentoPaymentMethod m : c.methods()) {
            Map<String, String> options = new java.util.LinkedHashMap<>();
            options.put("none", "never mark paid automatically");
            options.putAll(c.bankAccounts());
            select(b, values, errors, "payment_method_map." + m.code(), (m.label() == null ? m.code()
                    : m.label() + " (" + m.code() + ")") + (m.active() ? "" : " — inactive"), options,
                    "not mapped (use the default bank account)");
        }
        b.append("</fieldset><button type=\"submit\">Save settings</button></form>");
        return Html.page("Settings", "settings", csrf, b.toString());
    }

    private static void checkbox(StringBuilder b, Map<String, String> values, Map<String, String> errors,
                                 String name, String label) {
        b.append("<div class=\"check\"><input type=\"checkbox\" id=\"").append(name).append("\" name=\"")
                .append(name).append("\" value=\"true\"").append("true".equals(values.get(name)) ? " checked" : "")
                .append(describedBy(errors, name)).append("> <label for=\"").append(name).append("\" class=\"inline\">")
                .append(esc(label)).append("</label>").append(error(errors, name)).append("</div>");
    }

    private static void text(StringBuilder b, Map<String, String> values, Map<String, String> errors, String name,
                             String label) {
        b.append("<label for=\"").append(name).append("\">").append(esc(label)).append("</label><input id=\"")
                .append(name).append("\" name=\"").append(name).append("\" value=\"")
                .append(esc(values.getOrDefault(name, ""))).append('"').append(describedBy(errors, name)).append('>')
                .append(error(errors, name));
    }

    private static void select(StringBuilder b, Map<String, String> values, Map<String, String> errors, String name,
                               String label, Map<String, String> options, String emptyLabel) {
        String id = name.replace('.', '-');
        String current = values.getOrDefault(name, "");
        b.append("<label for=\"").append(esc(id)).append("\">").append(esc(label)).append("</label><select id=\"")
                .append(esc(id)).append("\" name=\"").append(esc(name)).append('"').append(describedBy(errors, name))
                .append('>');
        if (emptyLabel != null) {
            b.append("<option value=\"\">").append(esc(emptyLabel)).append("</option>");
        }
        boolean known = current.isEmpty() || options.containsKey(current);
        if (!known) {
            // a stored id the reference data does not know any more: shown, so the error next to it makes sense
            b.append("<option value=\"").append(esc(current)).append("\" selected>").append(esc(current))
                    .append(" (unknown)</option>");
        }
        options.forEach((value, text) -> b.append("<option value=\"").append(esc(value)).append('"')
                .append(value.equals(current) ? " selected" : "").append('>').append(esc(text)).append("</option>"));
        b.append("</select>").append(error(errors, name));
    }

    private static String describedBy(Map<String, String> errors, String name) {
        return errors.containsKey(name) ? " aria-invalid=\"true\" aria-describedby=\"" + esc(name.replace('.', '-'))
                + "-error\"" : "";
    }

    private static String error(Map<String, String> errors, String name) {
        return errors.containsKey(name) ? "<p class=\"field-error\" id=\"" + esc(name.replace('.', '-'))
                + "-error\">" + esc(errors.get(name)) + "</p>" : "";
    }
}
