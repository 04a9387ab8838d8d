package io.sagesync.console;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.sagesync.log.JsonLog;

/**
 * The console function behind the HTTP API: the module's {@code /v1/...} calls (JWT) and the web console
 * ({@code /dashboard...}, {@code /embed/{tenant}}; session cookie). Routes by path; never lets an exception out.
 */
public final class ConsoleHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final JsonLog LOG = JsonLog.of(ConsoleHandler.class);

    private final ModuleApi moduleApi;
    private final ConsoleWeb web;

    /** Lambda's constructor: the composition root, once per execution environment. */
    public ConsoleHandler() {
        this(ConsoleComposition.fromEnvironment());
    }

    public ConsoleHandler(ConsoleComposition composition) {
        this.moduleApi = composition.moduleApi();
        this.web = composition.web();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        JsonLog.withContext("request_id", context == null ? null : context.getAwsRequestId());
        try {
            WebRequest request = WebRequest.from(event);
            if (ModuleApi.handles(request.path())) {
                return moduleApi.handle(request).toEvent();
            }
            if (ConsoleWeb.handles(request.path())) {
                return web.handle(request).toEvent();
            }
            return WebResponse.json(404, "{\"message\":\"Not Found\"}").toEvent();
        } catch (RuntimeException e) {
            LOG.error("console handler failed", "exception", e.getClass().getName());
            return WebResponse.json(500, "{\"error\":\"internal_error\"}").toEvent();
        } finally {
            JsonLog.clearContext();
        }
    }
}
