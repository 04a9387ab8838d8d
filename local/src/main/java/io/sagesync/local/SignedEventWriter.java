package io.sagesync.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.simulator.magento.MagentoJwt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes an API Gateway (payload 2.0) event for {@code sam local invoke WebhookFunction}, signed as the Magento
 * module signs (the token lives 60 s, so a committed event would always be expired):
 * {@code make signed-event EVENT=invoice.created ID=42} → {@code .sagesync-local/events/invoice.created.json}.
 * Tenant and key come from {@code SAGESYNC_TENANT_ID} / {@code SAGESYNC_API_KEY} (local-mode defaults otherwise).
 */
public final class SignedEventWriter {
    private SignedEventWriter() {
    }

    public static void main(String[] args) throws Exception {
        String event = args.length > 0 && !args[0].isBlank() ? args[0] : "invoice.created";
        long id = args.length > 1 && !args[1].isBlank() ? Long.parseLong(args[1]) : 42;
        LocalSettings settings = LocalSettings.fromEnv(System.getenv());
        Path folder = Path.of(".sagesync-local", "events");
        Files.createDirectories(folder);
        Path out = folder.resolve(event + ".json");
        Files.writeString(out, event(settings.tenantId(), settings.apiKey(), event, id, Instant.now()));
        System.out.println("wrote " + out + " (token valid for 60 s + the function's leeway)");
    }

    static String event(String tenant, String apiKey, String event, long id, Instant now)
            throws java.io.IOException {
        ObjectMapper json = new ObjectMapper();
        String body = "{\"magento_entity_id\":" + id + ",\"website_id\":1,\"store_id\":1,\"occurred_at\":\""
                + now.toString().substring(0, 19) + "Z\",\"payload\":{}}";
        ObjectNode root = json.createObjectNode();
        root.put("version", "2.0");
        root.put("routeKey", "POST /webhooks/magento/{tenant_id}/{event}");
        root.put("rawPath", "/webhooks/magento/" + tenant + "/" + event);
        root.put("rawQueryString", "");
        ObjectNode headers = root.putObject("headers");
        headers.put("authorization", "Bearer " + MagentoJwt.signOutbound(apiKey, tenant, now,
                UUID.randomUUID().toString()));
        headers.put("content-type", "application/json");
        headers.put("idempotency-key", event + ":" + id);
        ObjectNode path = root.putObject("pathParameters");
        path.put("tenant_id", tenant);
        path.put("event", event);
        ObjectNode context = root.putObject("requestContext");
        context.put("apiId", "local");
        context.put("stage", "$default");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("timeEpoch", now.toEpochMilli());
        context.putObject("http").put("method", "POST").put("path", "/webhooks/magento/" + tenant + "/" + event)
                .put("protocol", "HTTP/1.1").put("sourceIp", "127.0.0.1");
        root.put("body", body);
        root.put("isBase64Encoded", false);
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
