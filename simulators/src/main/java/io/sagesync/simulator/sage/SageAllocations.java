package io.sagesync.simulator.sage;

import static io.sagesync.simulator.sage.SageNodes.NODES;
import static io.sagesync.simulator.sage.SageNodes.date;
import static io.sagesync.simulator.sage.SageNodes.decimal;
import static io.sagesync.simulator.sage.SageNodes.link;
import static io.sagesync.simulator.sage.SageNodes.linkOf;
import static io.sagesync.simulator.sage.SageNodes.money;
import static io.sagesync.simulator.sage.SageNodes.titleCase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /contact_allocations} and the outstanding-amount rules every settlement follows (Sage API notes §5.4,
 * §5.5): artefacts of the allocating contact only, open ones only ({@code UNPAID}/{@code PART_PAID}), never more than
 * is outstanding on any of them. A customer allocation sums to zero: invoices positive, credit notes negative. A
 * {@code CUSTOMER_RECEIPT} pays invoices; a {@code CUSTOMER_REFUND} pays out credit notes. Settling reduces the
 * artefact's {@code outstanding_amount} and moves it to {@code PART_PAID} or {@code PAID}.
 */
final class SageAllocations {
    static final String CUSTOMER_ALLOCATION = "CUSTOMER_ALLOCATION";

    private SageAllocations() {
    }

    static ObjectNode create(SageLedger ledger, JsonNode body) {
        ObjectNode contact = ledger.contactOf(body);
        String type = body.path("transaction_type_id").asText("");
        if (!CUSTOMER_ALLOCATION.equals(type)) {
            throw SageApiException.invalid("transaction_type_id", "is not a valid allocation type");
        }
        LocalDate date = body.hasNonNull("date") ? date(body, "date") : LocalDate.now(ledger.clock);
        BigDecimal sum = BigDecimal.ZERO;
        List<ObjectNode[]> settled = new ArrayList<>();
        for (JsonNode allocation : body.path("allocated_artefacts")) {
            BigDecimal amount = money(decimal(allocation, "amount", BigDecimal.ZERO));
            ObjectNode artefact = openArtefact(ledger, contact, allocation.path("artefact_id").asText(""));
            boolean creditNote = isCreditNote(ledger, artefact);
            if (creditNote ? amount.signum() >= 0 : amount.signum() <= 0) {
                throw SageApiException.invalid("allocated_artefacts.amount",
                        "must be positive for invoices and negative for credit notes");
            }
            requireWithinOutstanding(artefact, amount.abs());
            sum = sum.add(amount);
            ObjectNode line = NODES.objectNode();
            line.put("id", ledger.ids.get());
            line.set("artefact", linkOf(artefact));
            line.put("amount", amount);
            settled.add(new ObjectNode[] {artefact, line});
        }
        if (settled.size() < 2 || sum.signum() != 0) {
            throw SageApiException.invalid("allocated_artefacts", "The allocated amounts must add up to zero");
        }
        ArrayNode lines = NODES.arrayNode();
        for (ObjectNode[] pair : settled) {
            settle(ledger, pair[0], new BigDecimal(pair[1].get("amount").asText()).abs());
            lines.add(pair[1]);
        }
        String id = ledger.ids.get();
        ObjectNode created = link(id, CUSTOMER_ALLOCATION, "/contact_allocations/" + id);
        created.set("transaction_type", link(type, titleCase(type), "/transaction_types/" + type));
        created.set("contact", linkOf(contact));
        created.put("date", date.toString());
        created.set("allocated_artefacts", lines);
        ledger.stamp(created);
        ledger.allocations.put(id, created);
        return created;
    }

    /** The artefact a settlement targets: of this contact, and open. */
    static ObjectNode openArtefact(SageLedger ledger, ObjectNode contact, String artefactId) {
        ObjectNode artefact = ledger.invoices.containsKey(artefactId) ? ledger.invoices.get(artefactId)
                : ledger.creditNotes.get(artefactId);
        if (artefact == null) {
            throw SageApiException.invalid("allocated_artefacts.artefact_id", "Artefact not found");
        }
        if (!artefact.path("contact").path("id").asText().equals(contact.get("id").asText())) {
            throw SageApiException.invalid("allocated_artefacts.artefact_id",
                    "can only be allocated to artefacts of the same contact");
        }
        String status = artefact.path("status").path("id").asText();
        if (!"UNPAID".equals(status) && !"PART_PAID".equals(status)) {
            throw SageApiException.invalid("base", "You can only pay unpaid or part-paid invoices.");
        }
        return artefact;
    }

    /** A receipt pays invoices, a refund pays out credit notes. */
    static void requireFitsPaymentType(SageLedger ledger, String transactionType, ObjectNode artefact) {
        boolean creditNote = isCreditNote(ledger, artefact);
        if ("CUSTOMER_REFUND".equals(transactionType) && !creditNote
                || "CUSTOMER_RECEIPT".equals(transactionType) && creditNote) {
            throw SageApiException.invalid("allocated_artefacts.artefact_id", "A " + titleCase(transactionType)
                    + " cannot be allocated to a " + (creditNote ? "credit note" : "sales invoice"));
        }
    }

    static void requireWithinOutstanding(ObjectNode artefact, BigDecimal amount) {
        if (amount.compareTo(new BigDecimal(artefact.get("outstanding_amount").asText())) > 0) {
            throw SageApiException.invalid("allocated_artefacts.amount", "exceeds the outstanding amount");
        }
    }

    /** Takes {@code amount} off the artefact's outstanding amount and updates its status. */
    static void settle(SageLedger ledger, ObjectNode artefact, BigDecimal amount) {
        BigDecimal outstanding = money(new BigDecimal(artefact.get("outstanding_amount").asText()).subtract(amount));
        BigDecimal paid = money(new BigDecimal(artefact.get("total_paid").asText()).add(amount));
        String status = outstanding.signum() == 0 ? "PAID" : "PART_PAID";
        artefact.put("outstanding_amount", outstanding).put("total_paid", paid);
        artefact.set("status", link(status, titleCase(status), "/artefact_statuses/" + status));
        ledger.stamp(artefact);
    }

    private static boolean isCreditNote(SageLedger ledger, ObjectNode artefact) {
        return ledger.creditNotes.containsKey(artefact.path("id").asText());
    }
}
