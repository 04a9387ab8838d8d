package io.sagesync.application;

/**
 * One webhook call as the use case sees it, independent of API Gateway.
 *
 * @param pathTenantId   {tenant_id} from the URL
 * @param eventName      {event} from the URL, as sent
 * @param authorization  the Authorization header value, or null
 * @param idempotencyKey the Idempotency-Key header value, or null (then derived as the module does)
 * @param body           the raw body bytes (the token does not cover them; they are parsed, never re-serialised)
 */
public record WebhookRequest(String pathTenantId, String eventName, String authorization, String idempotencyKey,
                             byte[] body) {
}
