package io.sagesync.application;

/** What the webhook answers when it does not refuse the call. */
public sealed interface WebhookOutcome {

    /** A new run was recorded and its job enqueued (or a failed run was queued again): 202. */
    record Accepted(String runId) implements WebhookOutcome {
    }

    /** The key was seen before and its run is alive or done: 200 with the same run id, nothing enqueued. */
    record Duplicate(String runId) implements WebhookOutcome {
    }

    /** An event name this version does not handle: 202 so newer modules never dead-letter. */
    record Ignored(String eventName) implements WebhookOutcome {
    }
}
