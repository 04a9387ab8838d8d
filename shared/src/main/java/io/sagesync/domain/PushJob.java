package io.sagesync.domain;

/**
 * A terminal run outcome waiting to be pushed to Magento's sync-state endpoint (the admin grid chip).
 *
 * @param runId  the run whose outcome this is (the push outcome is recorded on it)
 * @param event  the event that produced it (the invoice row is shared by invoice.created and invoice.paid; see
 *               {@code Outcomes})
 * @param update exactly what Magento receives
 */
public record PushJob(String runId, EventName event, SyncStateUpdate update) {
}
