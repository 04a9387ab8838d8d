package io.sagesync.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The audit record of one sync: one per (tenant, Idempotency-Key), re-queued in place when a failed run is re-fired.
 * Three groups: what the run is about ({@link Subject}, fixed at acceptance), where it stands ({@link Progress}) and
 * what it produced ({@link Result}). Build new runs with {@link #accepted} and changed copies with {@link #toBuilder}.
 *
 * @param subject  identity of the run, never changes
 * @param progress status, counters and timestamps
 * @param result   error or Sage document of the latest attempt; {@link Result#NONE} until there is one
 */
public record SyncRun(Subject subject, Progress progress, Result result) {

    public SyncRun {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(result, "result");
    }

    /**
     * @param runId           opaque id returned to Magento as {@code sync_run_id}
     * @param tenantId        tenant
     * @param event           webhook event
     * @param magentoEntityId entity id
     * @param idempotencyKey  the Idempotency-Key the run was created for
     */
    public record Subject(String runId, String tenantId, EventName event, long magentoEntityId,
                          String idempotencyKey) {
    }

    /**
     * @param status       current status
     * @param attempts     how many times the worker started this run
     * @param enqueueCount how many times a job for it was enqueued
     * @param enqueued     whether the latest job was handed to SQS (false between the run write and the send)
     * @param createdAt    first accepted
     * @param updatedAt    last change
     */
    public record Progress(RunStatus status, int attempts, int enqueueCount, boolean enqueued, Instant createdAt,
                           Instant updatedAt) {
    }

    /**
     * @param errorClass    for failed runs; the skip reason for skipped runs lives in {@code reason}
     * @param reason        skip reason code, or a short failure message safe for merchants (no PII)
     * @param sageId        Sage's id of the document posted, if any
     * @param sageReference  Sage reference / number, if any
     * @param reconciliation null, or what Sage's read-back disagreed with (see {@link RunOutcome#reconciliation()})
     * @param warnings       mapping warning codes of the latest attempt
     */
    public record Result(ErrorClass errorClass, String reason, String sageId, String sageReference,
                         String reconciliation, List<String> warnings) {
        /** No error and no Sage document yet. */
        public static final Result NONE = new Result(null, null, null, null);

        public Result {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        /** Without reconciliation or warnings. */
        public Result(ErrorClass errorClass, String reason, String sageId, String sageReference) {
            this(errorClass, reason, sageId, sageReference, null, List.of());
        }
    }

    /** A run just accepted: queued, never started, its first job not yet handed to SQS. */
    public static SyncRun accepted(Subject subject, Instant now) {
        return new SyncRun(subject, new Progress(RunStatus.QUEUED, 0, 1, false, now, now), Result.NONE);
    }

    /**
     * A run written again from the job that refers to it, after the store lost it: queued, its job already in the
     * queue (enqueued, with the job's count).
     */
    public static SyncRun restoredFrom(SyncJob job, Instant now) {
        return accepted(new Subject(job.runId(), job.tenantId(), job.event(), job.magentoEntityId(),
                job.effectiveIdempotencyKey()), now).toBuilder().enqueueCount(job.enqueueCount()).enqueued(true)
                .build();
    }

    /** A builder starting from an accepted run (tests and stores override what differs). */
    public static Builder builder(Subject subject, Instant now) {
        return accepted(subject, now).toBuilder();
    }

    /** A builder holding this run's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public String runId() {
        return subject.runId();
    }

    public String tenantId() {
        return subject.tenantId();
    }

    public EventName event() {
        return subject.event();
    }

    public long magentoEntityId() {
        return subject.magentoEntityId();
    }

    public String idempotencyKey() {
        return subject.idempotencyKey();
    }

    public RunStatus status() {
        return progress.status();
    }

    public int attempts() {
        return progress.attempts();
    }

    public int enqueueCount() {
        return progress.enqueueCount();
    }

    public boolean enqueued() {
        return progress.enqueued();
    }

    public Instant createdAt() {
        return progress.createdAt();
    }

    public Instant updatedAt() {
        return progress.updatedAt();
    }

    public ErrorClass errorClass() {
        return result.errorClass();
    }

    public String reason() {
        return result.reason();
    }

    public String sageId() {
        return result.sageId();
    }

    public String sageReference() {
        return result.sageReference();
    }

    public String reconciliation() {
        return result.reconciliation();
    }

    public List<String> warnings() {
        return result.warnings();
    }

    /** Changed copies of a run, by name instead of by position. */
    public static final class Builder {
        private final Subject subject;
        private RunStatus status;
        private int attempts;
        private int enqueueCount;
        private boolean enqueued;
        private Instant createdAt;
        private Instant updatedAt;
        private ErrorClass errorClass;
        private String reason;
        private String sageId;
        private String sageReference;
        private String reconciliation;
        private List<String> warnings = List.of();

        private Builder(SyncRun run) {
            this.subject = run.subject;
            this.status = run.status();
            this.attempts = run.attempts();
            this.enqueueCount = run.enqueueCount();
            this.enqueued = run.enqueued();
            this.createdAt = run.createdAt();
            this.updatedAt = run.updatedAt();
            result(run.result);
        }

        public Builder status(RunStatus value) {
            this.status = value;
            return this;
        }

        public Builder attempts(int value) {
            this.attempts = value;
            return this;
        }

        public Builder enqueueCount(int value) {
            this.enqueueCount = value;
            return this;
        }

        public Builder enqueued(boolean value) {
            this.enqueued = value;
            return this;
        }

        public Builder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        public Builder updatedAt(Instant value) {
            this.updatedAt = value;
            return this;
        }

        public Builder errorClass(ErrorClass value) {
            this.errorClass = value;
            return this;
        }

        public Builder reason(String value) {
            this.reason = value;
            return this;
        }

        public Builder sageDocument(String id, String reference) {
            this.sageId = id;
            this.sageReference = reference;
            return this;
        }

        public Builder result(Result value) {
            this.errorClass = value.errorClass();
            this.reason = value.reason();
            this.sageId = value.sageId();
            this.sageReference = value.sageReference();
            this.reconciliation = value.reconciliation();
            this.warnings = value.warnings();
            return this;
        }

        public Builder reconciliation(String value) {
            this.reconciliation = value;
            return this;
        }

        public Builder warnings(List<String> value) {
            this.warnings = value == null ? List.of() : value;
            return this;
        }

        public SyncRun build() {
            return new SyncRun(subject, new Progress(status, attempts, enqueueCount, enqueued, createdAt, updatedAt),
                    new Result(errorClass, reason, sageId, sageReference, reconciliation, warnings));
        }
    }
}
