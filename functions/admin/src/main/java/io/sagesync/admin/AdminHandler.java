package io.sagesync.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.adapter.policy.SyncPolicyJson;
import io.sagesync.application.InvocationDeadline;
import io.sagesync.log.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;

/**
 * The admin Lambda. Two kinds of input: an operator action invoked with IAM credentials
 * ({@code aws lambda invoke --payload '{"action":"pair",...}'}, also the EventBridge keep-alive schedule), decoded
 * into an {@link AdminCommand}; and the browser's return from Sage through the public HTTP route
 * {@code GET /sage/oauth/callback} (an API Gateway v2 event, recognised by its {@code requestContext.http}). Only the
 * callback is reachable without IAM, and it can do nothing but redeem a state this function issued.
 */
public final class AdminHandler implements RequestStreamHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AdminActions actions;
    private final AdminResponses responses = new AdminResponses(new SyncPolicyJson());

    /** Kept at the end of an invocation to answer after the last Sage call (the function's timeout is 60 s). */
    static final Duration ANSWER_MARGIN = Duration.ofSeconds(5);
    private final InvocationDeadline deadline;

    public AdminHandler() {
        this(new InvocationDeadline(Clock.systemUTC(), ANSWER_MARGIN));
    }

    private AdminHandler(InvocationDeadline deadline) {
        this(AdminComposition.fromEnvironment(deadline), deadline);
    }

    public AdminHandler(AdminActions actions) {
        this(actions, new InvocationDeadline(Clock.systemUTC(), ANSWER_MARGIN));
    }

    /** @param deadline started from Lambda's remaining time per invocation; the adapters' {@code CallBudget} */
    public AdminHandler(AdminActions actions, InvocationDeadline deadline) {
        this.actions = actions;
        this.deadline = deadline;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode request = JSON.readTree(input);
        Log.withContext("request_id", context == null ? null : context.getAwsRequestId());
        if (context != null) {
            deadline.begin(Duration.ofMillis(context.getRemainingTimeInMillis()));
        }
        try {
            JSON.writeValue(output, handle(request));
        } finally {
            Log.clearContext();
        }
    }

    /** Routes one decoded input (exposed for tests and local mode). */
    public JsonNode handle(JsonNode request) {
        JsonNode http = request.path("requestContext").path("http");
        if (!http.isMissingNode()) {
            return callback(request, http.path("method").asText(""));
        }
        AdminCommand command = AdminRequests.parse(request);
        return responses.render(command.action(), actions.run(command));
    }

    private JsonNode callback(JsonNode event, String method) {
        String path = event.path("rawPath").asText("");
        JsonNode query = event.path("queryStringParameters");
        AdminActions.OAuthCallbackPage page = !"GET".equals(method) || !path.endsWith("/sage/oauth/callback")
                ? new AdminActions.OAuthCallbackPage(404, "not found")
                : actions.oauthCallback(param(query, "code"), param(query, "state"), param(query, "error"));
        ObjectNode response = JSON.createObjectNode().put("statusCode", page.status()).put("body", page.body());
        response.putObject("headers").put("content-type", "text/plain; charset=utf-8")
                .put("cache-control", "no-store").put("referrer-policy", "no-referrer");
        return response;
    }

    private static String param(JsonNode query, String name) {
        JsonNode v = query.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }
}
