package io.sagesync.port;

/**
 * Something on our side that is transient and not the caller's fault: DynamoDB, SQS or Secrets Manager unreachable,
 * throttled or erroring. Webhook callers get a 503 (Magento retries 5xx for days); workers retry the message.
 * Adapters translate SDK exceptions into this one at the boundary, keeping the cause.
 */
public class InfrastructureException extends RuntimeException {
    public InfrastructureException(String message, Throwable cause) {
        super(message, cause);
    }

    public InfrastructureException(String message) {
        super(message);
    }
}
