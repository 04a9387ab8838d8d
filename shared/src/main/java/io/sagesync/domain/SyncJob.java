package io.sagesync.domain;

/**
 * The message the webhook enqueues for the sync worker: everything needed to find the run and re-fetch the entity,
 * and to re-materialise the run should the store have lost it.
 *
 * @param runId           the sync run this job belongs to
 * @param tenantId        the tenant (one per stack, but carried for logs and safety checks)
 * @param event           the webhook event
 * @param magentoEntityId the entity id to fetch back from Magento
 * @param websiteId       as delivered (policy filters use the canonical entity's value, not this one)
 * @param storeId         as delivered
 * @param enqueueCount    1 for the first enqueue, +1 for each re-queue (re-fire of a failed run, retries, sweeps);
 *                        always taken from the run's stored count, and part of the FIFO de-duplication id so a
 *                        re-queue is never swallowed by SQS's 5-minute window
 * @param idempotencyKey  the run's Idempotency-Key; null in jobs written before it was carried, which then fall back
 *                        to the module's own key for the event ({@link #effectiveIdempotencyKey()})
 */
public record SyncJob(String runId, String tenantId, EventName event, long magentoEntityId, long websiteId,
                      long storeId, int enqueueCount, String idempotencyKey) {

    /** A job without a carried Idempotency-Key. */
    public SyncJob(String runId, String tenantId, EventName event, long magentoEntityId, long websiteId,
                   long storeId, int enqueueCount) {
        this(runId, tenantId, event, magentoEntityId, websiteId, storeId, enqueueCount, null);
    }

    /** The carried key, or Magento's own {@code "{event}:{entity id}"} (every Sage observer's key). */
    public String effectiveIdempotencyKey() {
        return idempotencyKey != null ? idempotencyKey : event.wireName() + ":" + magentoEntityId;
    }

    /** The same job with another enqueue count. */
    public SyncJob withEnqueueCount(int count) {
        return new SyncJob(runId, tenantId, event, magentoEntityId, websiteId, storeId, count, idempotencyKey);
    }
}
