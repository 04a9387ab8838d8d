package io.sagesync.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.sagesync.application.WebhookOutcome;
import java.util.Map;

/** Short JSON bodies only: an id, a status word or an error code; never a stack trace or a secret. */
final class Responses {
    private static final Map<String, String> JSON_HEADERS = Map.of("Content-Type", "application/json");

    private Responses() {
    }

    static APIGatewayV2HTTPResponse of(WebhookOutcome outcome) {
        return switch (outcome) {
            case WebhookOutcome.Accepted a -> json(202, "{\"sync_run_id\":\"" + a.runId() + "\"}");
            case WebhookOutcome.Duplicate d ->
                    json(200, "{\"sync_run_id\":\"" + d.runId() + "\",\"status\":\"duplicate\"}");
            case WebhookOutcome.Ignored i -> json(202, "{\"status\":\"ignored\"}");
        };
    }

    static APIGatewayV2HTTPResponse error(int status, String code) {
        return json(status, "{\"error\":\"" + code + "\"}");
    }

    private static APIGatewayV2HTTPResponse json(int status, String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(JSON_HEADERS).withBody(body)
                .build();
    }
}
