package io.sagesync.application;

import io.sagesync.domain.sage.CatalogPriceTypes;
import io.sagesync.port.SageGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The business's price bands, read once per execution environment for a while (they practically never change). */
final class CatalogPriceTypeCache {
    private final SageGateway sage;
    private final Clock clock;
    private final Duration ttl;
    private CatalogPriceTypes cached;
    private Instant cachedAt;

    CatalogPriceTypeCache(SageGateway sage, Clock clock, Duration ttl) {
        this.sage = sage;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** @throws io.sagesync.port.SageCallException when Sage cannot be read */
    synchronized CatalogPriceTypes get() {
        Instant now = clock.instant();
        if (cached == null || cachedAt.plus(ttl).isBefore(now)) {
            cached = sage.catalogPriceTypes();
            cachedAt = now;
        }
        return cached;
    }
}
