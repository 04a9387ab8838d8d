package io.sagesync.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.sagesync.adapter.dynamodb.DynamoDbBindingStore;
import io.sagesync.adapter.policy.SyncPolicyJson;
import io.sagesync.simulator.magento.CanonicalInvoices;
import io.sagesync.simulator.magento.CanonicalProducts;
import io.sagesync.simulator.magento.MagentoOutbox;
import io.sagesync.simulator.magento.OutboxRow;
import io.sagesync.simulator.sage.SageSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The walkthrough's catalogue step: the merchant turns on product and stock sync; Magento saves the Joust Duffle Bag
 * (100 in stock), the outbox posts {@code product.upserted}, and the worker creates the Sage stock item and moves its
 * stock to 100. Then three are sold: Magento's stock save is dropped by its own outbox (a {@code product.upserted}
 * row for the product already exists, wire contract §h), so the stock change reaches Sage through the invoice: the
 * worker posts the invoice and brings the stock item to 97. Every figure is read from the simulators.
 */
final class CatalogDemo {
    /** The timeline and what Sage holds afterwards. */
    record Result(List<FirstSyncDemo.Step> steps, boolean productSynced, boolean stockFollowed, String stockInSage,
                  boolean stockSaveDropped) {
    }

    private static final String SKU = "24-MB01";

    private CatalogDemo() {
    }

    static Result run(LocalPipeline pipeline, long productId, long invoiceId, Duration timeout) {
        SageSimulator sage = pipeline.sage;
        var magento = pipeline.magento;
        int sageLogBefore = sage.requestLog().size();
        List<FirstSyncDemo.Step> steps = new ArrayList<>();
        Instant saved = Instant.now();
        long t0 = System.nanoTime();
        enableProductSync(pipeline);
        steps.add(new FirstSyncDemo.Step("settings: sync_products + sync_stock on", FirstSyncDemo.ms(t0)));
        CanonicalProducts.Product bag = CanonicalProducts.joustDuffleBag(productId);
        magento.putProduct(productId, bag.toJson());
        var outbox = new MagentoOutbox(magento);
        outbox.raise("product.upserted", productId, 0, 0, Map.of());
        List<OutboxRow> drained = outbox.drain(pipeline.apiUrl());
        steps.add(new FirstSyncDemo.Step("product saved (100 in stock): signed POST product.upserted -> HTTP "
                + drained.get(0).lastStatusCode(), FirstSyncDemo.ms(t0)));
        long deadline = System.nanoTime() + timeout.toNanos();
        Double synced = FirstSyncDemo.waitFor(t0, deadline, () -> "synced".equals(chip(pipeline, "product",
                productId)) && "100".equals(stock(sage)));
        if (synced != null) {
            steps.add(new FirstSyncDemo.Step("sync-state pushed: product chip = synced, Sage stock 100", synced));
        }

        magento.putProduct(productId, bag.withStock("97.0").toJson());
        boolean dropped = outbox.raise("product.upserted", productId, 0, 0, Map.of()).isEmpty();
        steps.add(new FirstSyncDemo.Step("3 sold: stock save " + (dropped ? "dropped by Magento's outbox (row exists)"
                : "queued"), FirstSyncDemo.ms(t0)));
        magento.putInvoice(invoiceId, CanonicalInvoices.builder(invoiceId).lines(List.of(
                CanonicalInvoices.line(SKU, "Joust Duffle Bag", "3.0", "34.0", "20.4", "0.0", "simple")))
                .shipping("5.0", "1.0").discount("0.0").build());
        outbox.raise("invoice.created", invoiceId, 1, 1, Map.of("increment_id", String.format("%09d", invoiceId),
                "paid", true));
        outbox.drain(pipeline.apiUrl());
        Double followed = FirstSyncDemo.waitFor(t0, deadline, () -> "97".equals(stock(sage))
                && "synced".equals(chip(pipeline, "invoice", invoiceId)));
        if (followed != null) {
            steps.add(new FirstSyncDemo.Step("sync-state pushed: invoice chip = synced, Sage stock 97", followed));
        }
        for (String[] call : new String[][] {{"POST", "/stock_items", "Sage POST /stock_items (24-MB01)"},
                {"POST", "/stock_movements", "Sage POST /stock_movements (+100, opening stock)"},
                {"POST", "/sales_invoices", "Sage POST /sales_invoices (3 x 24-MB01)"}}) {
            FirstSyncDemo.sageRequest(sage, sageLogBefore, call[0], call[1]).ifPresent(r -> steps.add(
                    new FirstSyncDemo.Step(call[2] + " -> " + r.status(), FirstSyncDemo.between(saved, r.at(), t0))));
        }
        List<SageSimulator.RecordedRequest> movements = sage.requestLog().subList(sageLogBefore,
                sage.requestLog().size()).stream().filter(r -> "POST".equals(r.method())
                && r.path().startsWith("/stock_movements")).toList();
        if (movements.size() > 1) {
            steps.add(new FirstSyncDemo.Step("Sage POST /stock_movements (-3, after the invoice) -> "
                    + movements.get(1).status(), FirstSyncDemo.between(saved, movements.get(1).at(), t0)));
        }
        steps.sort((a, b) -> Double.compare(a.atMillis(), b.atMillis()));
        return new Result(steps, synced != null, followed != null, stock(sage), dropped);
    }

    static void print(Result r) {
        System.out.println();
        System.out.println("catalogue: product 24-MB01 (Joust Duffle Bag) becomes a Sage stock item; a sale moves its"
                + " stock");
        System.out.printf("  %-72s %10s%n", "step", "at (ms)");
        r.steps().forEach(s -> System.out.printf("  %-72s %10.1f%n", s.name(), s.atMillis()));
        if (!r.productSynced() || !r.stockFollowed()) {
            System.out.println("  did not complete (see the logs above)");
        }
        System.out.println("  Sage afterwards: stock item 24-MB01 quantity_in_stock " + r.stockInSage()
                + " (Magento: 97)");
        System.out.println();
    }

    /** What the merchant does in the console: product and stock sync on, purchases to 5000 (cost of sales). */
    private static void enableProductSync(LocalPipeline pipeline) {
        var bindings = new DynamoDbBindingStore(pipeline.aws.adminClients().dynamoDb(), pipeline.config.tableName(),
                Clock.systemUTC());
        SyncPolicyJson json = new SyncPolicyJson();
        var tree = new com.fasterxml.jackson.databind.ObjectMapper();
        try {
            var policy = (com.fasterxml.jackson.databind.node.ObjectNode) tree.readTree(
                    json.serialise(bindings.policy()));
            policy.put("sync_products", true).put("sync_stock", true)
                    .put("default_purchase_ledger_account_id", pipeline.sage.ledgerAccountId("5000"));
            bindings.savePolicy(json.parse(tree.writeValueAsString(policy)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the policy is our own JSON", e);
        }
    }

    private static String chip(LocalPipeline pipeline, String entity, long id) {
        return pipeline.magento.syncState(entity, id).map(s -> s.syncStatus()).orElse("none");
    }

    /** Sage's quantity_in_stock of 24-MB01 as a plain number, or "-" before the item exists. */
    private static String stock(SageSimulator sage) {
        Optional<JsonNode> item = sage.catalog("stock_items").stream()
                .filter(i -> SKU.equals(i.path("item_code").asText())).findFirst();
        return item.map(i -> i.path("quantity_in_stock").decimalValue().stripTrailingZeros().toPlainString())
                .orElse("-");
    }
}
