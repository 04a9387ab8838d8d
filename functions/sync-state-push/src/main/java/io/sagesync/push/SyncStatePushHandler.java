package io.sagesync.push;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.sagesync.adapter.sqs.PushJobJson;
import io.sagesync.application.PartialBatch;
import io.sagesync.application.PushResult;
import io.sagesync.application.PushSyncState;
import io.sagesync.log.Log;
import io.sagesync.port.MessageDelay;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * SQS-triggered: delivers each push job to Magento. A transient failure is reported as a batch item failure after
 * its visibility is set to the backoff, so only that message returns, and returns later; the queue's redrive policy
 * dead-letters it after {@code maxReceiveCount}. A message that is not a push job fails every time and ends there too.
 */
public final class SyncStatePushHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final PushSyncState pushSyncState;
    private final MessageDelay messageDelay;

    /** Lambda's constructor: the composition root, run once per execution environment. */
    public SyncStatePushHandler() {
        this(PushComposition.fromEnvironment());
        SnapStartPriming.register();
    }

    public SyncStatePushHandler(PushComposition composition) {
        this(composition.pushSyncState(), composition.messageDelay());
    }

    public SyncStatePushHandler(PushSyncState pushSyncState, MessageDelay messageDelay) {
        this.pushSyncState = pushSyncState;
        this.messageDelay = messageDelay;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        Map<String, SQSMessage> byId = event.getRecords().stream()
                .collect(Collectors.toMap(SQSMessage::getMessageId, Function.identity(), (a, b) -> a));
        List<PartialBatch.Item> items = event.getRecords().stream()
                .map(m -> new PartialBatch.Item(m.getMessageId(), m.getBody(), m.getEventSourceArn())).toList();
        List<String> failed = PartialBatch.process(items, item -> deliver(byId.get(item.messageId())));
        return new SQSBatchResponse(failed.stream().map(SQSBatchResponse.BatchItemFailure::new).toList());
    }

    private boolean deliver(SQSMessage message) {
        try {
            PushResult result = pushSyncState.push(PushJobJson.read(message.getBody()), receiveCount(message));
            if (!result.done()) {
                messageDelay.delay(message.getReceiptHandle(), result.retryAfter());
            }
            return result.done();
        } finally {
            Log.clearContext();
        }
    }

    static int receiveCount(SQSMessage message) {
        String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Math.max(1, Integer.parseInt(count.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
