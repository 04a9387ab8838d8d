package io.sagesync.local;

import io.sagesync.simulator.sage.SageSimulator;
import java.util.function.Supplier;

/** Access tokens from the simulator's OAuth server, renewed a minute before their 300 s expiry. */
final class SimulatorTokens implements Supplier<String> {
    private final SageSimulator sage;
    private String token;
    private long issuedAt;

    SimulatorTokens(SageSimulator sage) {
        this.sage = sage;
    }

    @Override
    public synchronized String get() {
        long now = System.currentTimeMillis();
        if (token == null || now - issuedAt > 240_000) {
            token = sage.issueTokens().accessToken();
            issuedAt = now;
        }
        return token;
    }
}
