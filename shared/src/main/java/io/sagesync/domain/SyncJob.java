package io.sagesync.domain;

/**
 * The message the webhook enqueues for the sync worker: everything needed to find the run and re-fetch the entity.
 *
 * @param runId           the sync run this job belongs to
 * @param tenantId        the tenant (one per stack, but carried for logs and safety checks)
 * @param event           the webhook event
 * @param magentoEntityId the entity id to fetch back from Magento
 * @param websiteId       as delivered (policy filters use the canonical entity's value, not this one)
 * @param storeId         as delivered
 * @param enqueueCount    1 for the first enqueue, +1 for each re-queue (re-fire of a failed run, retries); part of
 *                        the FIFO de-duplication id so a re-queue is not swallowed by SQS's 5-minute window
 */
public record SyncJob(String runId, String tenantId, EventName event, long magentoEntityId, long websiteId,
                      long storeId, int enqueueCount) {
}
