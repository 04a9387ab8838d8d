package io.sagesync.port;

import java.util.Optional;

/** Durable custody of the tenant's Sage tokens. Reads must see the latest write (the refresh protocol relies on it). */
public interface SageTokenStore {
    /** The stored tokens, or empty when the tenant is not connected. */
    Optional<SageTokenSet> read();

    /** Replaces the stored tokens. */
    void write(SageTokenSet tokens);

    /** Forgets the tokens (disconnect). */
    void clear();
}
