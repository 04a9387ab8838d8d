package io.sagesync.adapter.sage.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.domain.sage.CatalogItemKind;
import io.sagesync.domain.sage.CatalogPriceTypes;
import io.sagesync.domain.sage.SageCatalogItem;
import io.sagesync.domain.sage.SageContactRequest;
import io.sagesync.domain.sage.SageStockMovementRequest;
import io.sagesync.port.SageCallException;
import io.sagesync.port.SageCatalogGateway;
import io.sagesync.port.SageReauthRequiredException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link SageCatalogGateway} over {@link SageHttpClient}; {@link HttpSageGateway} delegates to it. */
final class HttpCatalogCalls implements SageCatalogGateway {
    private final SageHttpClient http;
    private final SageJson json;
    private final SageCatalogJson catalogJson;

    HttpCatalogCalls(SageHttpClient http, SageJson json) {
        this.http = http;
        this.json = json;
        this.catalogJson = new SageCatalogJson(json);
    }

    @Override
    public void updateContact(String contactId, SageContactRequest update) {
        String body = write(catalogJson.contactUpdateTree(update));
        call(() -> http.put("/contacts/" + contactId, body, false));
    }

    @Override
    public CatalogPriceTypes catalogPriceTypes() {
        return new CatalogPriceTypes(firstActive("/product_sales_price_types"), firstActive("/service_rate_types"));
    }

    private String firstActive(String path) {
        return call(() -> http.getAllPages(path, Map.of())).stream().map(json::readTree)
                .filter(n -> n.path("active").asBoolean(true))
                .map(n -> n.path("id").asText(""))
                .filter(id -> !id.isEmpty())
                .findFirst().orElse(null);
    }

    @Override
    public String createCatalogItem(SageCatalogItem item, String idempotencyId) {
        String path = SageCatalogJson.path(item.kind());
        String body = write(catalogJson.catalogItemTree(item, idempotencyId));
        SageResponse response = call(() -> http.post(path, body, idempotencyId != null));
        return requireId(json.readTree(response.body()), "POST " + path);
    }

    @Override
    public void updateCatalogItem(String sageId, SageCatalogItem item) {
        String body = write(catalogJson.catalogItemTree(item, null));
        call(() -> http.put(SageCatalogJson.path(item.kind()) + "/" + sageId, body, false));
    }

    @Override
    public Optional<String> findCatalogItemByCode(CatalogItemKind kind, String itemCode) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("search", itemCode);
        query.put("attributes", "item_code");
        return call(() -> http.getAllPages(SageCatalogJson.path(kind), query)).stream()
                .map(json::readTree)
                .filter(n -> itemCode.equals(n.path("item_code").asText(null)))
                .map(n -> n.path("id").asText(""))
                .filter(id -> !id.isEmpty())
                .findFirst();
    }

    @Override
    public BigDecimal stockQuantity(String stockItemId) {
        JsonNode n = json.readTree(call(() -> http.get("/stock_items/" + stockItemId, Map.of())).body());
        JsonNode q = n.path("quantity_in_stock");
        if (q.isMissingNode() || q.isNull()) {
            return BigDecimal.ZERO;
        }
        try {
            return q.isNumber() ? q.decimalValue() : new BigDecimal(q.asText().trim());
        } catch (NumberFormatException e) {
            throw new SageCallException(SageCallException.Kind.HTTP, null,
                    "Sage GET /stock_items/{id} answered an unreadable quantity_in_stock", e);
        }
    }

    @Override
    public String createStockMovement(SageStockMovementRequest movement) {
        String body = write(catalogJson.stockMovementTree(movement));
        SageResponse response = call(() -> http.post("/stock_movements", body, movement.idempotencyId() != null));
        return requireId(json.readTree(response.body()), "POST /stock_movements");
    }

    private static String requireId(JsonNode n, String call) {
        String v = n.path("id").asText("");
        if (v.isEmpty()) {
            throw new SageCallException(SageCallException.Kind.HTTP, null, "Sage " + call + " answered without id",
                    null);
        }
        return v;
    }

    private String write(ObjectNode tree) {
        try {
            return json.mapper().writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an in-memory tree", e);
        }
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (SageReauthRequiredException | io.sagesync.port.InfrastructureException e) {
            throw HttpSageGateway.connectionFailure(e);
        } catch (IllegalArgumentException e) {
            throw new SageCallException(SageCallException.Kind.HTTP, null, "unreadable Sage response", e);
        }
    }
}
