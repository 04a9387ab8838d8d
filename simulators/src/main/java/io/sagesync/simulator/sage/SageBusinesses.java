package io.sagesync.simulator.sage;

import static io.sagesync.simulator.sage.SageHttp.JSON;
import static io.sagesync.simulator.sage.SageNodes.link;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The businesses the simulated user can reach, each with its own region and ledger: {@code GET /businesses},
 * {@code GET /businesses/{id}} (country, subscriptions) and {@code GET /financial_settings} (base currency,
 * destination VAT) answer from here.
 */
final class SageBusinesses {

    /** One business: its id, name and ledger (which carries the region). */
    record Business(String id, String name, boolean lead, SageLedger ledger) {
    }

    private final Map<String, Business> byId = new LinkedHashMap<>();

    SageBusinesses(Clock clock, Supplier<String> ids, SageRegion leadRegion) {
        add(SageSimulator.LEAD_BUSINESS_ID, "Sagesync Test Ltd", true, new SageLedger(clock, ids, leadRegion));
        add(SageSimulator.SECOND_BUSINESS_ID, "Second Shop Ltd", false, new SageLedger(clock, ids, SageRegion.GB));
        add(SageSimulator.IRISH_BUSINESS_ID, "Sagesync Eire Teoranta", false,
                new SageLedger(clock, ids, SageRegion.IE));
    }

    private void add(String id, String name, boolean lead, SageLedger ledger) {
        byId.put(id, new Business(id, name, lead, ledger));
    }

    boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** The ledger of a known business (callers check {@link #contains(String)} first). */
    SageLedger ledger(String id) {
        Business business = byId.get(id);
        if (business == null) {
            throw new IllegalArgumentException("unknown business " + id);
        }
        return business.ledger();
    }

    List<ObjectNode> all() {
        List<ObjectNode> out = new ArrayList<>();
        byId.values().forEach(b -> out.add(json(b)));
        return out;
    }

    ObjectNode businessOrFail(String id) {
        Business business = "lead".equals(id) ? byId.get(SageSimulator.LEAD_BUSINESS_ID) : byId.get(id);
        if (business == null) {
            throw SageApiException.notFound("business " + id);
        }
        return json(business);
    }

    private static ObjectNode json(Business b) {
        SageRegion region = b.ledger().region;
        ObjectNode business = link(b.id(), b.name(), "/businesses/" + b.id());
        business.put("name", b.name()).put("is_lead", b.lead()).put("ni_based", false);
        business.putObject("address_region");
        business.putObject("country").put("id", region.country).put("displayed_as", region.countryName);
        business.putArray("subscriptions").addObject()
                .put("id", "ACCOUNTING_PLUS").put("displayed_as", "Accounting Plus").put("active", true)
                .put("status", "active");
        return business;
    }

    static ObjectNode financialSettings(SageLedger ledger) {
        ObjectNode settings = JSON.createObjectNode();
        settings.put("$path", "/financial_settings");
        String base = ledger.baseCurrency();
        settings.set("base_currency", SageNodes.currencyLink(base));
        settings.put("multi_currency_enabled", true).put("use_live_exchange_rates", false)
                .put("accounts_start_date", SageLedger.ACCOUNTS_START.toString())
                .putNull("year_end_lockdown_date");
        settings.put("accounting_type", "accrual").put("destination_vat", ledger.destinationVat)
                .put("postponed_accounting", false);
        settings.set("tax_return_frequency", link("QUARTERLY", "Quarterly", "/tax_return_frequencies/x"));
        return settings;
    }
}
