package io.sagesync.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.log.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The admin Lambda. Two kinds of input: an operator action invoked with IAM credentials
 * ({@code aws lambda invoke --payload '{"action":"pair",...}'}, also the EventBridge keep-alive schedule), and the
 * browser's return from Sage through the public HTTP route {@code GET /sage/oauth/callback} (an API Gateway v2
 * event, recognised by its {@code requestContext.http}). Only the callback is reachable without IAM, and it can do
 * nothing but redeem a state this function issued.
 */
public final class AdminHandler implements RequestStreamHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AdminActions actions;

    public AdminHandler() {
        this(AdminComposition.fromEnvironment());
    }

    public AdminHandler(AdminActions actions) {
        this.actions = actions;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode request = JSON.readTree(input);
        Log.withContext("request_id", context == null ? null : context.getAwsRequestId());
        try {
            JSON.writeValue(output, handle(request));
        } finally {
            Log.clearContext();
        }
    }

    /** Routes one decoded input (exposed for tests and local mode). */
    public JsonNode handle(JsonNode request) {
        if (request.path("requestContext").has("http")) {
            return callback(request);
        }
        return actions.handle(request);
    }

    private JsonNode callback(JsonNode event) {
        String path = event.path("rawPath").asText("");
        String method = event.path("requestContext").path("http").path("method").asText("");
        Map.Entry<Integer, String> page;
        if (!"GET".equals(method) || !path.endsWith("/sage/oauth/callback")) {
            page = Map.entry(404, "not found");
        } else {
            Map<String, String> query = new HashMap<>();
            event.path("queryStringParameters").fields().forEachRemaining(e -> query.put(e.getKey(),
                    e.getValue().asText()));
            page = actions.oauthCallback(query);
        }
        ObjectNode response = JSON.createObjectNode().put("statusCode", page.getKey()).put("body", page.getValue());
        response.putObject("headers").put("content-type", "text/plain; charset=utf-8")
                .put("cache-control", "no-store").put("referrer-policy", "no-referrer");
        return response;
    }
}
