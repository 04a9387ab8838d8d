package io.sagesync.simulator.sage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Supplier;

/** Options of a {@link SageSimulator}: clock, validator, seed or id supplier, lead business country. */
public final class SageSimulatorBuilder {

    Clock clock = Clock.systemUTC();
    SwaggerBodyValidator validator;
    long seed = 42;
    Supplier<String> ids;
    SageRegion leadRegion = SageRegion.GB;

    SageSimulatorBuilder() {
    }

    /** Time source for token expiry, idempotency windows and timestamps. */
    public SageSimulatorBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Body validator (default {@link SwaggerBodyValidator#load()}). */
    public SageSimulatorBuilder validator(SwaggerBodyValidator validator) {
        this.validator = validator;
        return this;
    }

    /** Seed for generated ids and tokens. */
    public SageSimulatorBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Supplier of 32-hex resource ids (overrides the seed for ids; must be thread-safe). */
    public SageSimulatorBuilder idSupplier(Supplier<String> ids) {
        this.ids = ids;
        return this;
    }

    /** Country of the lead business: {@code GB} (default) or {@code IE}. */
    public SageSimulatorBuilder leadBusinessCountry(String country) {
        this.leadRegion = SageRegion.valueOf(country.toUpperCase(Locale.ROOT));
        return this;
    }

    /** Binds and starts the server. */
    public SageSimulator start() {
        try {
            return new SageSimulator(this);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Sage simulator", e);
        }
    }
}
