package io.sagesync.adapter.sage.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.domain.sage.CatalogItemKind;
import io.sagesync.domain.sage.SageCatalogItem;
import io.sagesync.domain.sage.SageContactPerson;
import io.sagesync.domain.sage.SageContactRequest;
import io.sagesync.domain.sage.SageStockMovementRequest;

/**
 * JSON bodies for customers and the catalogue: the contact update ({@code PUT /contacts/{id}}), products, services,
 * stock items and stock movements, each wrapped in its root key as Sage wants it. Amounts go as strings (Sage's advice
 * for decimals); nullable fields are omitted.
 */
public final class SageCatalogJson {
    private final SageJson json;

    public SageCatalogJson(SageJson json) {
        this.json = json;
    }

    /** The collection path of a kind: {@code /products}, {@code /services}, {@code /stock_items}. */
    public static String path(CatalogItemKind kind) {
        return switch (kind) {
            case PRODUCT -> "/products";
            case SERVICE -> "/services";
            case STOCK_ITEM -> "/stock_items";
        };
    }

    /** The body's root key: {@code product}, {@code service}, {@code stock_item}. */
    public static String root(CatalogItemKind kind) {
        return kind.code();
    }

    /** {@code {"contact": {...}}} for a PUT: name, addresses, main contact person; no reference, currency or types. */
    public ObjectNode contactUpdateTree(SageContactRequest c) {
        ObjectNode root = json.mapper().createObjectNode();
        ObjectNode o = root.putObject("contact");
        SageJson.put(o, "name", c.name());
        SageJson.address(o, "main_address", c.mainAddress());
        SageJson.address(o, "delivery_address", c.deliveryAddress());
        SageContactPerson p = c.mainContactPerson();
        if (p != null) {
            ObjectNode n = o.putObject("main_contact_person");
            SageJson.put(n, "name", p.name());
            SageJson.put(n, "email", p.email());
            SageJson.put(n, "telephone", p.telephone());
            n.put("is_main_contact", p.isMainContact());
        }
        return root;
    }

    /** {@code {"product"|"service"|"stock_item": {...}}}, with {@code idempotency_id} when given (creates). */
    public ObjectNode catalogItemTree(SageCatalogItem item, String idempotencyId) {
        ObjectNode root = json.mapper().createObjectNode();
        ObjectNode o = root.putObject(root(item.kind()));
        SageJson.put(o, "item_code", item.itemCode());
        SageJson.put(o, "description", item.description());
        SageJson.put(o, "sales_ledger_account_id", item.salesLedgerAccountId());
        SageJson.put(o, "purchase_ledger_account_id", item.purchaseLedgerAccountId());
        SageJson.put(o, "sales_tax_rate_id", item.salesTaxRateId());
        SageJson.money(o, "cost_price", item.costPrice());
        if (item.price() != null) {
            boolean service = item.kind() == CatalogItemKind.SERVICE;
            ObjectNode price = o.putArray(service ? "sales_rates" : "sales_prices").addObject();
            price.put(service ? "service_rate_type_id" : "product_sales_price_type_id", item.priceTypeId());
            SageJson.money(price, service ? "rate" : "price", item.price());
            price.put(service ? "rate_includes_tax" : "price_includes_tax", false);
        }
        SageJson.put(o, "idempotency_id", idempotencyId);
        return root;
    }

    /** {@code {"stock_movement": {...}}}. */
    public ObjectNode stockMovementTree(SageStockMovementRequest m) {
        ObjectNode root = json.mapper().createObjectNode();
        ObjectNode o = root.putObject("stock_movement");
        SageJson.put(o, "stock_item_id", m.stockItemId());
        SageJson.put(o, "date", m.date().toString());
        o.put("quantity", SageJson.quantity(m.quantity()));
        SageJson.money(o, "cost_price", m.costPrice());
        SageJson.put(o, "details", m.details());
        SageJson.put(o, "reference", m.reference());
        SageJson.put(o, "idempotency_id", m.idempotencyId());
        return root;
    }
}
