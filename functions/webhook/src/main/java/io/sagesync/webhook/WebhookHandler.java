package io.sagesync.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.sagesync.application.AcceptWebhook;
import io.sagesync.application.WebhookRejectedException;
import io.sagesync.log.Log;
import io.sagesync.port.InfrastructureException;

/**
 * {@code POST /webhooks/magento/{tenant_id}/{event}} behind an HTTP API (payload 2.0). Translates the event, calls
 * {@link AcceptWebhook}, and maps the outcome to Magento's rules: 2xx done, 4xx dead-lettered at once, 5xx retried
 * for days. So: 401/400/413 only for requests that can never succeed, 503 for anything transient on our side, and no
 * exception ever escapes (API Gateway would turn it into a bare 500).
 */
public final class WebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Log LOG = Log.of(WebhookHandler.class);

    private final AcceptWebhook acceptWebhook;

    /** Lambda's constructor: the composition root, run once per execution environment. */
    public WebhookHandler() {
        this(WebhookComposition.fromEnvironment().acceptWebhook());
        SnapStartPriming.register();
    }

    public WebhookHandler(AcceptWebhook acceptWebhook) {
        this.acceptWebhook = acceptWebhook;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Log.withContext("request_id", context == null ? null : context.getAwsRequestId());
        try {
            return Responses.of(acceptWebhook.accept(WebhookRequests.from(event)));
        } catch (WebhookRejectedException e) {
            return Responses.error(e.kind().httpStatus(), e.code());
        } catch (InfrastructureException e) {
            LOG.warn("transient failure, asking Magento to retry", "cause", e.getMessage());
            return Responses.error(503, "temporarily_unavailable");
        } catch (RuntimeException e) {
            LOG.error("unexpected failure", "exception", e.getClass().getName());
            return Responses.error(500, "internal_error");
        } finally {
            Log.clearContext();
        }
    }
}
