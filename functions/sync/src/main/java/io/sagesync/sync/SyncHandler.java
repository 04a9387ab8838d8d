package io.sagesync.sync;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.sagesync.application.PartialBatch;
import io.sagesync.application.SyncBatch;
import io.sagesync.application.InvocationDeadline;
import io.sagesync.application.ProcessSyncJob;
import io.sagesync.log.Log;
import java.time.Duration;
import java.util.List;

/**
 * Consumes the FIFO SyncQueue (one job → one run outcome; a batch's jobs in order, their I/O overlapped by {@link
 * SyncBatch}) and the standard RetryQueue (a delayed job whose wait is over → back into the FIFO group). Partial
 * batch failures: a failed FIFO message fails the rest of its batch ({@link PartialBatch}); an unparseable body
 * fails, so SQS dead-letters it after its receive limit.
 */
public final class SyncHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final SyncBatch batch;
    private final InvocationDeadline deadline;

    /** Lambda's constructor: the composition root, run once per execution environment. */
    public SyncHandler() {
        this(SyncComposition.fromEnvironment());
        SnapStartPriming.register();
    }

    public SyncHandler(SyncComposition composition) {
        this.batch = composition.batch();
        this.deadline = composition.deadline();
    }

    public SyncHandler(ProcessSyncJob processSyncJob) {
        this(new SyncComposition(processSyncJob));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        Log.withContext("request_id", context == null ? null : context.getAwsRequestId());
        if (context != null) {
            // the Sage and OAuth calls of this invocation end before Lambda stops it (SyncComposition)
            deadline.begin(Duration.ofMillis(context.getRemainingTimeInMillis()));
        }
        try {
            List<PartialBatch.Item> items = event.getRecords().stream()
                    .map(m -> new PartialBatch.Item(m.getMessageId(), m.getBody(), m.getEventSourceArn())).toList();
            List<String> failed = batch.run(items);
            return SQSBatchResponse.builder().withBatchItemFailures(failed.stream()
                    .map(id -> SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(id).build())
                    .toList()).build();
        } finally {
            Log.clearContext();
        }
    }
}
