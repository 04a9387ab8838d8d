package io.sagesync.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.sagesync.application.WebhookRejectedException;
import io.sagesync.application.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/** API Gateway HTTP API (payload 2.0) event → {@link WebhookRequest}. Header names arrive lower-cased. */
final class WebhookRequests {
    private WebhookRequests() {
    }

    static WebhookRequest from(APIGatewayV2HTTPEvent event) {
        Map<String, String> path = event.getPathParameters() == null ? Map.of() : event.getPathParameters();
        return new WebhookRequest(path.get("tenant_id"), path.get("event"), header(event, "authorization"),
                header(event, "idempotency-key"), body(event));
    }

    private static String header(APIGatewayV2HTTPEvent event, String lowerCaseName) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return null;
        }
        String value = headers.get(lowerCaseName);
        if (value != null) {
            return value;
        }
        // sam local and hand-written events may keep the original case
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(lowerCaseName)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static byte[] body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (!event.getIsBase64Encoded()) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException(WebhookRejectedException.Kind.INVALID_PAYLOAD, "body_not_base64");
        }
    }
}
