package io.sagesync.simulator.sage;

import static io.sagesync.simulator.sage.SageNodes.NODES;
import static io.sagesync.simulator.sage.SageNodes.decimal;
import static io.sagesync.simulator.sage.SageNodes.link;
import static io.sagesync.simulator.sage.SageNodes.linkOf;
import static io.sagesync.simulator.sage.SageNodes.money;
import static io.sagesync.simulator.sage.SageNodes.requireLength;
import static io.sagesync.simulator.sage.SageNodes.stableId;
import static io.sagesync.simulator.sage.SageNodes.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Products, services, stock items and stock movements as Sage keeps them: {@code item_code} unique across the
 * catalogue (a stock item's at most 30 characters), ledger accounts and tax rates that must exist, prices on the
 * business's price bands, and {@code quantity_in_stock} that only movements change (never below zero). Creates and
 * updates share the rules; an update changes only the fields it sends. Called under the ledger's lock.
 */
final class SageCatalog {
    static final String SALES_PRICE_TYPE_ID = stableId("product_sales_price_type:sales");
    static final String TRADE_PRICE_TYPE_ID = stableId("product_sales_price_type:trade");
    static final String SERVICE_RATE_TYPE_ID = stableId("service_rate_type:rate");

    private SageCatalog() {
    }

    /** The price bands of a new Sage business. */
    static void seedPriceTypes(SageLedger ledger) {
        ledger.productPriceTypes.put(SALES_PRICE_TYPE_ID, priceType(SALES_PRICE_TYPE_ID, "Sales Price",
                "/product_sales_price_types/"));
        ledger.productPriceTypes.put(TRADE_PRICE_TYPE_ID, priceType(TRADE_PRICE_TYPE_ID, "Trade",
                "/product_sales_price_types/"));
        ledger.serviceRateTypes.put(SERVICE_RATE_TYPE_ID, priceType(SERVICE_RATE_TYPE_ID, "Rate",
                "/service_rate_types/"));
    }

    private static ObjectNode priceType(String id, String name, String path) {
        return link(id, name, path + id).put("name", name).put("active", true);
    }

    /** The store of a catalogue resource type ({@code product}, {@code service}, {@code stock_item}). */
    static Map<String, ObjectNode> store(SageLedger ledger, String resourceType) {
        return switch (resourceType) {
            case "product" -> ledger.products;
            case "service" -> ledger.services;
            case "stock_item" -> ledger.stockItems;
            default -> throw new IllegalArgumentException(resourceType);
        };
    }

    static ObjectNode create(SageLedger ledger, String resourceType, JsonNode body) {
        String id = ledger.ids.get();
        String collection = resourceType + "s";
        ObjectNode item = link(id, "", "/" + collection + "/" + id);
        item.put("active", true);
        item.set("catalog_item_type", link(resourceType.toUpperCase(java.util.Locale.ROOT),
                SageNodes.titleCase(resourceType), "/catalog_item_types/" + resourceType));
        if ("stock_item".equals(resourceType)) {
            BigDecimal opening = decimal(body, "quantity_in_stock", BigDecimal.ZERO);
            if (opening.signum() < 0) {
                throw SageApiException.invalid("quantity_in_stock", "must be greater than or equal to 0");
            }
            item.put("quantity_in_stock", opening);
        }
        apply(ledger, resourceType, id, item, body);
        store(ledger, resourceType).put(id, item);
        return item;
    }

    static ObjectNode update(SageLedger ledger, String resourceType, String id, JsonNode body) {
        ObjectNode item = store(ledger, resourceType).get(id);
        if (item == null) {
            throw SageApiException.notFound(resourceType + "s/" + id);
        }
        if (body.has("quantity_in_stock")) {
            throw SageApiException.invalid("quantity_in_stock", "can only be changed by a stock movement");
        }
        ObjectNode updated = item.deepCopy();
        apply(ledger, resourceType, id, updated, body);
        store(ledger, resourceType).put(id, updated);
        return updated;
    }

    private static void apply(SageLedger ledger, String resourceType, String id, ObjectNode item, JsonNode body) {
        String description = body.has("description") ? body.path("description").asText("")
                : item.path("description").asText("");
        if (description.isBlank()) {
            throw SageApiException.invalid("description", "This field is required.");
        }
        requireLength("description", description, 255);
        String code = body.has("item_code") ? text(body, "item_code") : text(item, "item_code");
        requireLength("item_code", code, "stock_item".equals(resourceType) ? 30 : 255);
        if (code != null && codeTaken(ledger, code, id)) {
            throw SageApiException.invalid("item_code", "has already been taken");
        }
        item.put("item_code", code).put("description", description).put("displayed_as", description);
        ledgerAccount(ledger, item, body, "sales_ledger_account");
        ledgerAccount(ledger, item, body, "purchase_ledger_account");
        if (!"service".equals(resourceType) && !item.has("purchase_ledger_account")) {
            throw SageApiException.invalid("purchase_ledger_account_id", "This field is required.");
        }
        if (body.hasNonNull("sales_tax_rate_id")) {
            item.set("sales_tax_rate", linkOf(ledger.taxRateOrFail("sales_tax_rate_id",
                    body.get("sales_tax_rate_id").asText())));
        }
        if (body.has("cost_price")) {
            item.put("cost_price", money(decimal(body, "cost_price", BigDecimal.ZERO)));
        }
        boolean service = "service".equals(resourceType);
        String pricesKey = service ? "sales_rates" : "sales_prices";
        if (body.has(pricesKey)) {
            item.set(pricesKey, prices(ledger, body.get(pricesKey), service));
        }
        ledger.stamp(item);
    }

    private static void ledgerAccount(SageLedger ledger, ObjectNode item, JsonNode body, String field) {
        String id = text(body, field + "_id");
        if (id == null) {
            return;
        }
        ObjectNode account = ledger.ledgerAccounts.get(id);
        if (account == null) {
            throw SageApiException.invalid(field + "_id", "Ledger account not found");
        }
        item.set(field, linkOf(account));
    }

    private static ArrayNode prices(SageLedger ledger, JsonNode sent, boolean service) {
        String typeKey = service ? "service_rate_type" : "product_sales_price_type";
        Map<String, ObjectNode> types = service ? ledger.serviceRateTypes : ledger.productPriceTypes;
        ArrayNode stored = NODES.arrayNode();
        for (JsonNode p : sent) {
            ObjectNode type = types.get(p.path(typeKey + "_id").asText(""));
            if (type == null) {
                throw SageApiException.invalid(typeKey + "_id", "can't be blank");
            }
            ObjectNode price = stored.addObject();
            price.put("id", ledger.ids.get()).put("displayed_as", type.path("name").asText());
            price.put(service ? "rate_name" : "price_name", type.path("name").asText());
            price.put(service ? "rate" : "price", money(decimal(p, service ? "rate" : "price", BigDecimal.ZERO)));
            price.put(service ? "rate_includes_tax" : "price_includes_tax",
                    p.path(service ? "rate_includes_tax" : "price_includes_tax").asBoolean(false));
            price.set(typeKey, linkOf(type));
        }
        return stored;
    }

    private static boolean codeTaken(SageLedger ledger, String code, String ownId) {
        for (Map<String, ObjectNode> store : java.util.List.of(ledger.products, ledger.services, ledger.stockItems)) {
            for (Map.Entry<String, ObjectNode> e : store.entrySet()) {
                if (!e.getKey().equals(ownId) && code.equalsIgnoreCase(e.getValue().path("item_code").asText(null))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code POST /stock_movements}: moves the item's quantity by the signed quantity; stock never goes negative. */
    static ObjectNode createMovement(SageLedger ledger, JsonNode body) {
        ObjectNode item = ledger.stockItems.get(body.path("stock_item_id").asText(""));
        if (item == null) {
            throw SageApiException.invalid("stock_item_id", "Stock item not found");
        }
        BigDecimal quantity = decimal(body, "quantity", BigDecimal.ZERO);
        if (quantity.signum() == 0) {
            throw SageApiException.invalid("quantity", "must not be zero");
        }
        requireLength("details", text(body, "details"), 50);
        requireLength("reference", text(body, "reference"), 31);
        BigDecimal after = item.path("quantity_in_stock").decimalValue().add(quantity);
        if (after.signum() < 0) {
            throw SageApiException.invalid("quantity", "You cannot have negative stock");
        }
        String id = ledger.ids.get();
        ObjectNode movement = link(id, text(body, "details"), "/stock_movements/" + id);
        movement.put("movement_number", String.valueOf(ledger.stockMovements.size() + 1));
        movement.put("date", SageNodes.date(body, "date").toString());
        movement.put("quantity", quantity);
        movement.put("cost_price", money(decimal(body, "cost_price", BigDecimal.ZERO)));
        movement.put("details", text(body, "details"));
        movement.put("reference", text(body, "reference"));
        movement.set("stock_item", linkOf(item));
        ledger.stamp(movement);
        item.put("quantity_in_stock", after);
        ledger.stamp(item);
        ledger.stockMovements.put(id, movement);
        return movement;
    }

    /** Invoice and credit-note lines may only name items that exist. */
    static void requireLineItem(SageLedger ledger, JsonNode line) {
        String productId = text(line, "product_id");
        if (productId != null && !ledger.products.containsKey(productId)
                && !ledger.stockItems.containsKey(productId)) {
            throw SageApiException.invalid("line_items.product_id", "Product not found");
        }
        String serviceId = text(line, "service_id");
        if (serviceId != null && !ledger.services.containsKey(serviceId)) {
            throw SageApiException.invalid("line_items.service_id", "Service not found");
        }
    }
}
