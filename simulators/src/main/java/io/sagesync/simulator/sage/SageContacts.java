package io.sagesync.simulator.sage;

import static io.sagesync.simulator.sage.SageNodes.copyIfPresent;
import static io.sagesync.simulator.sage.SageNodes.currencyLink;
import static io.sagesync.simulator.sage.SageNodes.link;
import static io.sagesync.simulator.sage.SageNodes.requireLength;
import static io.sagesync.simulator.sage.SageNodes.text;
import static io.sagesync.simulator.sage.SageNodes.titleCase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/** {@code POST /contacts}: required name, unique reference of at most 10 characters, one currency for life. */
final class SageContacts {
    private SageContacts() {
    }

    static ObjectNode create(SageLedger ledger, JsonNode body) {
        String name = body.path("name").asText("");
        String reference = text(body, "reference");
        requireLength("name", name, 100);
        if (name.isBlank()) {
            throw SageApiException.invalid("name", "This field is required.");
        }
        if (reference != null) {
            requireLength("reference", reference, 10);
            boolean taken = ledger.contacts.values().stream()
                    .anyMatch(c -> reference.equalsIgnoreCase(c.path("reference").asText(null)));
            if (taken) {
                throw SageApiException.invalid("reference", "has already been taken");
            }
        }
        SageAddresses.requireWithinLimits("main_address", body.path("main_address"));
        SageAddresses.requireWithinLimits("delivery_address", body.path("delivery_address"));
        requireLength("main_contact_person.name", text(body.path("main_contact_person"), "name"), 50);
        String currency = body.path("currency_id").asText(ledger.baseCurrency());
        String id = ledger.ids.get();
        ObjectNode contact = link(id, reference == null ? name : name + " (" + reference + ")", "/contacts/" + id);
        contact.put("name", name);
        contact.put("reference", reference);
        ArrayNode types = contact.putArray("contact_types");
        for (JsonNode type : body.path("contact_type_ids")) {
            types.add(link(type.asText(), titleCase(type.asText()), "/contact_types/" + type.asText()));
        }
        contact.set("currency", currencyLink(currency));
        contact.put("email", body.path("main_contact_person").path("email").asText(null));
        copyIfPresent(body, contact, "tax_number", "notes", "locale", "main_address", "delivery_address",
                "main_contact_person", "tax_treatment", "credit_days", "credit_limit", "source_guid");
        contact.put("balance", BigDecimal.ZERO.setScale(2));
        ledger.stamp(contact);
        ledger.contacts.put(id, contact);
        return contact;
    }

    /**
     * {@code PUT /contacts/{id}}: name, addresses, contact person, email change; the reference stays unique; the
     * currency is fixed for life.
     */
    static ObjectNode update(SageLedger ledger, String id, JsonNode body) {
        ObjectNode contact = ledger.contacts.get(id);
        if (contact == null) {
            throw SageApiException.notFound("contacts/" + id);
        }
        ObjectNode updated = contact.deepCopy();
        if (body.has("name")) {
            String name = body.path("name").asText("");
            requireLength("name", name, 100);
            if (name.isBlank()) {
                throw SageApiException.invalid("name", "This field is required.");
            }
            updated.put("name", name);
        }
        String reference = text(body, "reference");
        if (reference != null) {
            requireLength("reference", reference, 10);
            boolean taken = ledger.contacts.entrySet().stream().anyMatch(e -> !e.getKey().equals(id)
                    && reference.equalsIgnoreCase(e.getValue().path("reference").asText(null)));
            if (taken) {
                throw SageApiException.invalid("reference", "has already been taken");
            }
            updated.put("reference", reference);
        }
        String currency = text(body, "currency_id");
        if (currency != null && !currency.equals(contact.path("currency").path("id").asText())) {
            throw SageApiException.invalid("currency_id", "cannot be changed");
        }
        SageAddresses.requireWithinLimits("main_address", body.path("main_address"));
        SageAddresses.requireWithinLimits("delivery_address", body.path("delivery_address"));
        requireLength("main_contact_person.name", text(body.path("main_contact_person"), "name"), 50);
        copyIfPresent(body, updated, "tax_number", "notes", "locale", "main_address", "delivery_address",
                "main_contact_person", "credit_days", "credit_limit", "source_guid");
        if (body.path("main_contact_person").has("email")) {
            updated.put("email", body.path("main_contact_person").path("email").asText(null));
        }
        String ref = updated.path("reference").asText(null);
        String name = updated.path("name").asText();
        updated.put("displayed_as", ref == null ? name : name + " (" + ref + ")");
        ledger.stamp(updated);
        ledger.contacts.put(id, updated);
        return updated;
    }
}
