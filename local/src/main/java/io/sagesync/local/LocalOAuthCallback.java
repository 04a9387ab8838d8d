package io.sagesync.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.admin.AdminHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The admin function's public route ({@code GET /sage/oauth/callback}) in local mode: the API Gateway event as the
 * JSON the admin function's stream handler reads, and its JSON answer back as the HTTP response, so Connect Sage
 * runs its deployed code path against the Sage simulator's OAuth server.
 */
final class LocalOAuthCallback implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AdminHandler admin;

    LocalOAuthCallback(AdminHandler admin) {
        this.admin = admin;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        ObjectNode request = JSON.createObjectNode().put("rawPath", event.getRawPath());
        ObjectNode query = request.putObject("queryStringParameters");
        if (event.getQueryStringParameters() != null) {
            event.getQueryStringParameters().forEach(query::put);
        }
        request.putObject("requestContext").putObject("http")
                .put("method", event.getRequestContext().getHttp().getMethod());
        JsonNode reply = admin.handle(request);
        Map<String, String> headers = new LinkedHashMap<>();
        reply.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        return APIGatewayV2HTTPResponse.builder().withStatusCode(reply.path("statusCode").asInt(500))
                .withHeaders(headers).withBody(reply.path("body").asText("")).build();
    }
}
