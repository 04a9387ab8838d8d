package io.sagesync.retry;

import java.time.Duration;

/** Waits between retries; injected so tests record the delays instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** The real thing: blocks the current thread. */
    static Sleeper threadSleep() {
        return Thread::sleep;
    }
}
