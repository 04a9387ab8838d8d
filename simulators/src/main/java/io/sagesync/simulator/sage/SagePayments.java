package io.sagesync.simulator.sage;

import static io.sagesync.simulator.sage.SageNodes.NODES;
import static io.sagesync.simulator.sage.SageNodes.date;
import static io.sagesync.simulator.sage.SageNodes.decimal;
import static io.sagesync.simulator.sage.SageNodes.link;
import static io.sagesync.simulator.sage.SageNodes.linkOf;
import static io.sagesync.simulator.sage.SageNodes.money;
import static io.sagesync.simulator.sage.SageNodes.requireLength;
import static io.sagesync.simulator.sage.SageNodes.text;
import static io.sagesync.simulator.sage.SageNodes.titleCase;
import static io.sagesync.simulator.sage.SageNodes.currencyLink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /contact_payments}: a receipt allocated to unpaid or part-paid artefacts of the same contact, never
 * more than is outstanding; any excess stays on account.
 */
final class SagePayments {
    private static final Set<String> TRANSACTION_TYPES =
            Set.of("CUSTOMER_RECEIPT", "CUSTOMER_REFUND", "VENDOR_PAYMENT", "VENDOR_REFUND");

    private SagePayments() {
    }

    static ObjectNode create(SageLedger ledger, JsonNode body) {
        ObjectNode contact = ledger.contactOf(body);
        String reference = text(body, "reference");
        requireLength("reference", reference, 25);
        String type = body.path("transaction_type_id").asText("");
        if (!TRANSACTION_TYPES.contains(type)) {
            throw SageApiException.invalid("transaction_type_id", "is not a valid transaction type");
        }
        ObjectNode bank = ledger.bankAccounts.get(body.path("bank_account_id").asText(""));
        if (bank == null) {
            throw SageApiException.invalid("bank_account_id", "Bank account not found");
        }
        LocalDate date = date(body, "date");
        BigDecimal total = money(decimal(body, "total_amount", BigDecimal.ZERO));
        BigDecimal allocatedSum = BigDecimal.ZERO;
        List<ObjectNode[]> allocations = new ArrayList<>();
        for (JsonNode allocation : body.path("allocated_artefacts")) {
            ObjectNode artefact = SageAllocations.openArtefact(ledger, contact,
                    allocation.path("artefact_id").asText(""));
            SageAllocations.requireFitsPaymentType(ledger, type, artefact);
            BigDecimal amount = money(decimal(allocation, "amount", BigDecimal.ZERO));
            SageAllocations.requireWithinOutstanding(artefact, amount);
            allocatedSum = allocatedSum.add(amount);
            ObjectNode stored = NODES.objectNode();
            stored.put("id", ledger.ids.get());
            stored.set("artefact", linkOf(artefact));
            stored.put("amount", amount);
            allocations.add(new ObjectNode[] {artefact, stored});
        }
        if (total.compareTo(allocatedSum) < 0) {
            throw SageApiException.invalid("total_amount", "may not be less than the allocated amount");
        }
        ArrayNode allocated = NODES.arrayNode();
        for (ObjectNode[] pair : allocations) {
            SageAllocations.settle(ledger, pair[0], new BigDecimal(pair[1].get("amount").asText()));
            allocated.add(pair[1]);
        }
        String id = ledger.ids.get();
        ObjectNode payment = link(id, reference == null ? type : reference, "/contact_payments/" + id);
        payment.set("transaction_type", link(type, titleCase(type), "/transaction_types/" + type));
        payment.set("contact", linkOf(contact));
        payment.set("bank_account", linkOf(bank));
        payment.put("date", date.toString()).put("reference", reference).put("total_amount", total);
        payment.set("currency", currencyLink(body.path("currency_id")
                .asText(contact.path("currency").path("id").asText(ledger.baseCurrency()))));
        payment.put("exchange_rate", decimal(body, "exchange_rate", BigDecimal.ONE));
        String method = body.path("payment_method_id").asText("BANK_TRANSFER");
        payment.set("payment_method", link(method, titleCase(method), "/payment_methods/" + method));
        payment.set("allocated_artefacts", allocated);
        ledger.stamp(payment);
        ledger.payments.put(id, payment);
        return payment;
    }
}
