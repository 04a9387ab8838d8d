package io.sagesync.application.module;

import io.sagesync.domain.BindingState;
import io.sagesync.domain.RunGauge;
import io.sagesync.log.JsonLog;
import io.sagesync.port.BindingStore;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.RunGauges;
import java.time.Clock;
import java.util.Objects;

/**
 * {@code GET /v1/tile/health}: the module's dashboard tile, on every admin dashboard load. Two key lookups (binding
 * state, run gauges). Every field is optional for the module, so a store that cannot answer leaves its fields out
 * instead of failing the whole tile.
 */
public final class TileHealth {
    private static final JsonLog LOG = JsonLog.of(TileHealth.class);

    /**
     * @param magentoConnectionStatus {@code active}, or {@code token_revoked} (the module shows "re-pair required")
     * @param bindingStatus           {@code active} once Sage is connected; otherwise the Sage state
     * @param region                  the Sage region, upper-cased by the module ("Connected to Sage (UK)")
     * @param sync                    the run gauges, or null when they could not be read
     */
    public record Health(String magentoConnectionStatus, String bindingStatus, String region, RunGauge sync) {
    }

    private final BindingStore binding;
    private final RunGauges gauges;
    private final String region;
    private final Clock clock;

    public TileHealth(BindingStore binding, RunGauges gauges, String region, Clock clock) {
        this.binding = Objects.requireNonNull(binding, "binding");
        this.gauges = Objects.requireNonNull(gauges, "gauges");
        this.region = Objects.requireNonNull(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Health read() {
        String magento = null;
        String sage = null;
        try {
            BindingState state = binding.state();
            magento = magentoStatus(state.magentoConnection());
            sage = state.sageConnection();
        } catch (InfrastructureException e) {
            LOG.warn("tile health without binding state", "cause", e.getMessage());
        }
        RunGauge sync = null;
        try {
            sync = gauges.read(clock.instant());
        } catch (InfrastructureException e) {
            LOG.warn("tile health without run gauges", "cause", e.getMessage());
        }
        return new Health(magento, sage, region, sync);
    }

    /** The module knows {@code active}, {@code pending} and {@code token_revoked}; disconnected means re-pair. */
    static String magentoStatus(String stored) {
        return BindingState.DISCONNECTED.equals(stored) ? BindingState.TOKEN_REVOKED : stored;
    }
}
