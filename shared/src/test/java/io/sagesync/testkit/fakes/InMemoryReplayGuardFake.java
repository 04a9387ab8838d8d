package io.sagesync.testkit.fakes;

import io.sagesync.port.ReplayGuard;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ReplayGuard} in memory (no expiry: tests never outlive a token). */
public final class InMemoryReplayGuardFake implements ReplayGuard {
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @Override
    public boolean firstUse(String jti, Instant keepUntil) {
        return seen.add(jti);
    }
}
