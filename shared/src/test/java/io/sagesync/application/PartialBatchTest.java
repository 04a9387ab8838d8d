package io.sagesync.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartialBatchTest {
    private static final String FIFO = "arn:aws:sqs:us-east-1:000000000000:SyncQueue.fifo";
    private static final String STANDARD = "arn:aws:sqs:us-east-1:000000000000:PushQueue";

    @Test
    void standardQueue_reportsOnlyTheFailedMessages_andKeepsProcessing() {
        List<String> seen = new ArrayList<>();
        var items = List.of(item("a", STANDARD), item("b", STANDARD), item("c", STANDARD));

        List<String> failed = PartialBatch.process(items, i -> {
            seen.add(i.messageId());
            return !i.messageId().equals("b");
        });

        assertThat(failed).containsExactly("b");
        assertThat(seen).containsExactly("a", "b", "c");
    }

    @Test
    void fifoQueue_failsEverythingAfterTheFirstFailure_withoutProcessingIt() {
        List<String> seen = new ArrayList<>();
        var items = List.of(item("a", FIFO), item("b", FIFO), item("c", FIFO), item("d", FIFO));

        List<String> failed = PartialBatch.process(items, i -> {
            seen.add(i.messageId());
            return !i.messageId().equals("b");
        });

        assertThat(failed).containsExactly("b", "c", "d");
        assertThat(seen).containsExactly("a", "b");
    }

    @Test
    void anExceptionCountsAsAFailure_andDoesNotEscape() {
        List<String> failed = PartialBatch.process(List.of(item("a", STANDARD), item("b", STANDARD)), i -> {
            if (i.messageId().equals("a")) {
                throw new IllegalStateException("boom");
            }
            return true;
        });

        assertThat(failed).containsExactly("a");
    }

    private static PartialBatch.Item item(String id, String arn) {
        return new PartialBatch.Item(id, "{}", arn);
    }
}
