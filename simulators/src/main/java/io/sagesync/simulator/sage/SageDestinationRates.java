package io.sagesync.simulator.sage;

import static io.sagesync.simulator.sage.SageNodes.link;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Destination (OSS) VAT rates of the EU member states the simulator knows, as a business with
 * {@code financial_settings.destination_vat} on sees them ({@code GET /tax_rates?include_destination_vat_rates=true},
 * {@code GET /tax_determinations?include_destination_vat=true}). Sage's spec gives destination rates no country
 * field and documents no id format, so the ids here ({@code FR_DEST_STANDARD}) are the simulator's own; sagesync
 * never parses them, it matches percentages among the rates Sage determines for the buyer. Percentages are the
 * member states' rates in force in 2026.
 */
final class SageDestinationRates {
    private static final Map<String, List<String[]>> BY_COUNTRY = Map.of(
            "FR", List.of(r("STANDARD", "20.00"), r("INTERMEDIATE", "10.00"), r("REDUCED", "5.50"),
                    r("SUPER_REDUCED", "2.10"), r("ZERO", "0.00")),
            "DE", List.of(r("STANDARD", "19.00"), r("REDUCED", "7.00"), r("ZERO", "0.00")),
            "IE", List.of(r("STANDARD", "23.00"), r("REDUCED", "13.50"), r("SECOND_REDUCED", "9.00"),
                    r("ZERO", "0.00")),
            "ES", List.of(r("STANDARD", "21.00"), r("REDUCED", "10.00"), r("SUPER_REDUCED", "4.00"),
                    r("ZERO", "0.00")),
            "NL", List.of(r("STANDARD", "21.00"), r("REDUCED", "9.00"), r("ZERO", "0.00")),
            "IT", List.of(r("STANDARD", "22.00"), r("REDUCED", "10.00"), r("SECOND_REDUCED", "5.00"),
                    r("SUPER_REDUCED", "4.00"), r("ZERO", "0.00")),
            "BE", List.of(r("STANDARD", "21.00"), r("REDUCED", "12.00"), r("SECOND_REDUCED", "6.00"),
                    r("ZERO", "0.00")));

    private SageDestinationRates() {
    }

    private static String[] r(String kind, String percentage) {
        return new String[] {kind, percentage};
    }

    /** Whether the simulator has destination rates for {@code country}. */
    static boolean known(String country) {
        return country != null && BY_COUNTRY.containsKey(country.toUpperCase(Locale.ROOT));
    }

    /** The destination rates of one member state (empty when unknown). */
    static List<ObjectNode> of(String country) {
        List<ObjectNode> out = new ArrayList<>();
        if (!known(country)) {
            return out;
        }
        String cc = country.toUpperCase(Locale.ROOT);
        for (String[] rate : BY_COUNTRY.get(cc)) {
            String id = cc + "_DEST_" + rate[0];
            BigDecimal pct = new BigDecimal(rate[1]);
            String name = cc + " " + rate[0].charAt(0) + rate[0].substring(1).toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + " " + pct.toPlainString() + "%";
            ObjectNode node = link(id, name, "/tax_rates/" + id);
            node.put("name", name).put("agency", cc).put("percentage", pct).put("is_visible", true)
                    .put("retailer", false).put("editable", false).put("deletable", false);
            out.add(node);
        }
        return out;
    }

    /** Every destination rate the simulator knows, in a stable order. */
    static List<ObjectNode> all() {
        List<ObjectNode> out = new ArrayList<>();
        BY_COUNTRY.keySet().stream().sorted().forEach(cc -> out.addAll(of(cc)));
        return out;
    }

    /** The destination rate {@code id} of {@code country}, or null. */
    static ObjectNode find(String country, String id) {
        return of(country).stream().filter(n -> n.path("id").asText().equals(id)).findFirst().orElse(null);
    }
}
