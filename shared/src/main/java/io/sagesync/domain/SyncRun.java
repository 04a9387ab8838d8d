package io.sagesync.domain;

import java.time.Instant;

/**
 * The audit record of one sync: one per (tenant, Idempotency-Key), re-queued in place when a failed run is re-fired.
 *
 * @param runId           opaque id returned to Magento as {@code sync_run_id}
 * @param tenantId        tenant
 * @param event           webhook event
 * @param magentoEntityId entity id
 * @param idempotencyKey  the Idempotency-Key the run was created for
 * @param status          current status
 * @param attempts        how many times the worker started this run
 * @param enqueueCount    how many times a job for it was enqueued
 * @param enqueued        whether the latest job was handed to SQS (false between the run write and the send)
 * @param createdAt       first accepted
 * @param updatedAt       last change
 * @param errorClass      for failed runs; the skip reason for skipped runs lives in {@code reason}
 * @param reason          skip reason code, or a short failure message safe for merchants (no PII)
 * @param sageId          Sage's id of the document posted, if any
 * @param sageReference   Sage reference / number, if any
 */
public record SyncRun(String runId, String tenantId, EventName event, long magentoEntityId, String idempotencyKey,
                      RunStatus status, int attempts, int enqueueCount, boolean enqueued, Instant createdAt,
                      Instant updatedAt, ErrorClass errorClass, String reason, String sageId, String sageReference) {
}
