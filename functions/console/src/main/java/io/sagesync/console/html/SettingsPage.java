package io.sagesync.console.html;

import static io.sagesync.console.html.Html.esc;

import io.sagesync.domain.MagentoPaymentMethod;
import io.sagesync.domain.policy.SyncPolicy;
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
        b.append("</fieldset>");
        taxRates(b, values, errors, c.taxRates());
        b2c(b, values, errors);
        productTypes(b, values, errors);
        b.append("<button type=\"submit\">Save settings</button></form>");
        return Html.page("Settings", "settings", csrf, b.toString());
    }

    /** Magento's applied tax percentage → a Sage tax rate: one picker per mapping, and a row to add one. */
    private static void taxRates(StringBuilder b, Map<String, String> values, Map<String, String> errors,
                                 Map<String, String> rates) {
        b.append("<fieldset id=\"tax-rates\"><legend>Tax rates by percentage</legend><p class=\"hint\">A Magento ")
                .append("line taxed at a mapped percentage uses that Sage tax rate; other lines use the default ")
                .append("tax rate. Leave a picker empty to remove its mapping.</p>");
        values.keySet().stream().filter(k -> k.startsWith("tax_rate_map.")).sorted().forEach(k ->
                select(b, values, errors, k, k.substring("tax_rate_map.".length()) + " %", rates,
                        "remove this mapping"));
        String typed = values.getOrDefault("tax_rate_new.percent", "").trim();
        Map<String, String> newErrors = new java.util.HashMap<>();
        // the parser names the key as typed; the reference check names it canonicalised ("5" → "5.00")
        for (String key : List.of(typed, canonical(typed))) {
            if (!typed.isEmpty() && errors.containsKey("tax_rate_map." + key)) {
                newErrors.putIfAbsent("tax_rate_new.percent", errors.get("tax_rate_map." + key));
            }
        }
        text(b, values, newErrors, "tax_rate_new.percent", "Add a percentage (e.g. 5.00)");
        select(b, values, Map.of(), "tax_rate_new.rate", "… mapped to the Sage tax rate", rates, "choose a rate");
        b.append("</fieldset>");
    }

    private static String canonical(String percent) {
        try {
            return SyncPolicy.canonicalTaxKey(new java.math.BigDecimal(percent));
        } catch (NumberFormatException e) {
            return percent;
        }
    }

    private static void b2c(StringBuilder b, Map<String, String> values, Map<String, String> errors) {
        b.append("<fieldset id=\"b2c\"><legend>B2C consolidation</legend><p class=\"hint\">Consumer invoices go ")
                .append("to one fallback contact per currency instead of one contact per buyer (the buyer's ")
                .append("addresses still travel on each invoice).</p>");
        checkbox(b, values, errors, "b2c_consolidation.enabled", "Consolidate consumer invoices");
        text(b, values, errors, "b2c_consolidation.fallback_contact_name", "Fallback contact name");
        text(b, values, errors, "b2c_consolidation.fallback_contact_email", "Fallback contact email");
        text(b, values, errors, "b2c_consolidation.fallback_contact_reference",
                "Fallback contact reference (at most 10 characters; the currency's initial is appended)");
        text(b, values, errors, "b2c_consolidation.min_total_for_individual",
                "Invoices from this grand total get their own contact (0 = never)");
        checkbox(b, values, errors, "b2c_consolidation.always_individual_for_b2b",
                "A buyer with a company always gets their own contact");
        b.append("</fieldset>");
    }

    /** Magento product type → GOODS or SERVICES for cross-border lines; a row adds a custom type. */
    private static void productTypes(StringBuilder b, Map<String, String> values, Map<String, String> errors) {
        Map<String, String> kinds = new java.util.LinkedHashMap<>();
        kinds.put("GOODS", "Goods");
        kinds.put("SERVICES", "Services");
        b.append("<fieldset id=\"product-types\"><legend>Product types for cross-border lines</legend>");
        values.keySet().stream().filter(k -> k.startsWith("product_type_eu_goods_map.")).sorted().forEach(k ->
                select(b, values, errors, k, "Magento type " + k.substring("product_type_eu_goods_map.".length()),
                        kinds, null));
        String typed = values.getOrDefault("product_type_new.type", "").trim();
        Map<String, String> newErrors = new java.util.HashMap<>();
        if (!typed.isEmpty() && errors.containsKey("product_type_eu_goods_map." + typed)) {
            newErrors.put("product_type_new.type", errors.get("product_type_eu_goods_map." + typed));
        }
        text(b, values, newErrors, "product_type_new.type", "Add a Magento product type (e.g. giftcard)");
        select(b, values, Map.of(), "product_type_new.value", "… counted as", kinds, null);
        b.append("</fieldset>");
    }

    private static void checkbox(StringBuilder b, Map<String, String> values, Map<String, String> errors,
                                 String name, String label) {
        String id = name.replace('.', '-');
        b.append("<div class=\"check\"><input type=\"checkbox\" id=\"").append(esc(id)).append("\" name=\"")
                .append(esc(name)).append("\" value=\"true\"").append("true".equals(values.get(name)) ? " checked" : "")
                .append(describedBy(errors, name)).append("> <label for=\"").append(esc(id))
                .append("\" class=\"inline\">")
                .append(esc(label)).append("</label>").append(error(errors, name)).append("</div>");
    }

    private static void text(StringBuilder b, Map<String, String> values, Map<String, String> errors, String name,
                             String label) {
        String id = name.replace('.', '-');
        b.append("<label for=\"").append(esc(id)).append("\">").append(esc(label)).append("</label><input id=\"")
                .append(esc(id)).append("\" name=\"").append(esc(name)).append("\" value=\"")
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
