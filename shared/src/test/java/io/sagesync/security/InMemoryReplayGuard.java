package io.sagesync.security;

import io.sagesync.port.ReplayGuard;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Test fake of {@link ReplayGuard}: remembers every jti forever and exposes what it was asked to keep. */
public final class InMemoryReplayGuard implements ReplayGuard {
    private final Map<String, Instant> keepUntilByJti = new ConcurrentHashMap<>();

    @Override
    public boolean firstUse(String jti, Instant keepUntil) {
        return keepUntilByJti.putIfAbsent(jti, keepUntil) == null;
    }

    /** The retention requested for {@code jti}, empty if it was never recorded. */
    public Optional<Instant> keptUntil(String jti) {
        return Optional.ofNullable(keepUntilByJti.get(jti));
    }

    public int recordedCount() {
        return keepUntilByJti.size();
    }
}
