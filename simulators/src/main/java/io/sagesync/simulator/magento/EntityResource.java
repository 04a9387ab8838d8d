package io.sagesync.simulator.magento;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The canonical GETs ({@code invoice|creditmemo|customer|product|payment/{id}}) and {@code payment-methods}: seeded
 * JSON answered verbatim, Magento's 404 envelope for an unknown id, and the queued GET faults.
 */
final class EntityResource {
    private static final String DEFAULT_PAYMENT_METHODS = "[{\"code\":\"checkmo\",\"label\":\"Check \\/ Money order\","
            + "\"is_active\":true},{\"code\":\"banktransfer\",\"label\":\"Bank Transfer Payment\",\"is_active\":false},"
            + "{\"code\":\"purchaseorder\",\"label\":\"Purchase Order\",\"is_active\":false},"
            + "{\"code\":\"free\",\"label\":\"No Payment Information Required\",\"is_active\":true},"
            + "{\"code\":\"stripe_payments\",\"label\":\"Pay by Card\",\"is_active\":true}]";

    private final Map<String, Map<Long, String>> entities = new ConcurrentHashMap<>();
    private final FaultQueues faults;
    private volatile String paymentMethodsJson = DEFAULT_PAYMENT_METHODS;

    EntityResource(FaultQueues faults) {
        this.faults = faults;
    }

    void put(String type, long id, String json) {
        entities.computeIfAbsent(type, t -> new ConcurrentHashMap<>()).put(id, json);
    }

    void putPaymentMethods(String json) {
        this.paymentMethodsJson = json;
    }

    void paymentMethods(HttpExchange exchange) throws IOException {
        MagentoHttp.send(exchange, 200, paymentMethodsJson);
    }

    void get(HttpExchange exchange, String type, String rawId) throws IOException {
        if (!rawId.matches("\\d{1,18}")) {
            MagentoHttp.send(exchange, 400, MagentoHttp.invalidIntJson(rawId));
            return;
        }
        FaultQueues.Fault fault = faults.next(type);
        if (fault != null && fault.failsWithStatus()) {
            MagentoHttp.send(exchange, fault.status(), fault.status() == 503
                    ? "{\"message\":\"Service Unavailable\"}"
                    : MagentoHttp.INTERNAL_ERROR_JSON);
            return;
        }
        if (fault != null) {
            MagentoHttp.sleep(fault.delay());
        }
        String json = entities.getOrDefault(type, Map.of()).get(Long.parseLong(rawId));
        if (json == null) {
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("message", "No such entity with %fieldName = %fieldValue");
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("fieldName", "id");
            parameters.put("fieldValue", rawId);
            envelope.put("parameters", parameters);
            MagentoHttp.send(exchange, 404, PhpJson.encode(envelope));
            return;
        }
        MagentoHttp.send(exchange, 200, json);
    }
}
