package io.sagesync.sync;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.sagesync.application.SweepStalledRuns;
import io.sagesync.log.Log;
import io.sagesync.port.InfrastructureException;
import java.util.Map;

/**
 * The EventBridge schedule's target (SweeperFunction): re-enqueues runs stalled in {@code queued}/{@code running}.
 * The input is ignored. A store or queue outage is logged and reported as {@code "error"}; the next scheduled sweep
 * tries again, so nothing is lost by not throwing.
 */
public final class SweepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Log LOG = Log.of(SweepHandler.class);

    private final SweepStalledRuns sweep;

    /** Lambda's constructor: the composition root, run once per execution environment. */
    public SweepHandler() {
        this(SweepComposition.fromEnvironment().sweepStalledRuns());
    }

    public SweepHandler(SweepStalledRuns sweep) {
        this.sweep = sweep;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Log.withContext("request_id", context == null ? null : context.getAwsRequestId());
        try {
            return Map.of("re_enqueued", sweep.sweep());
        } catch (InfrastructureException e) {
            LOG.warn("sweep failed; the next scheduled sweep retries", "cause", e.getMessage());
            return Map.of("error", "infrastructure_unavailable");
        } catch (RuntimeException e) {
            LOG.error("sweep failed unexpectedly", "exception", e.getClass().getName());
            return Map.of("error", "internal_error");
        } finally {
            Log.clearContext();
        }
    }
}
