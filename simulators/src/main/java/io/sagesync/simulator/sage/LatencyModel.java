package io.sagesync.simulator.sage;

import java.time.Duration;
import java.util.Random;

/**
 * A request latency distribution for {@link SageFaults#latency(LatencyModel)}. {@link #logNormal} is the usual shape
 * of a remote API's latency: most requests near the median, a long right tail.
 */
public interface LatencyModel {
    /** The latency of the next request. */
    Duration next();

    /**
     * Log-normal with the given median and 95th percentile: {@code mu = ln(p50)}, {@code sigma = ln(p95 / p50) /
     * 1.6449}. Its mean is {@code p50 * exp(sigma² / 2)} (p50 250 ms, p95 800 ms: sigma 0.707, mean 321 ms).
     *
     * @param random seeded for a reproducible run; the model synchronises on it
     */
    static LatencyModel logNormal(Duration p50, Duration p95, Random random) {
        if (p50.isNegative() || p50.isZero() || p95.compareTo(p50) < 0) {
            throw new IllegalArgumentException("need 0 < p50 <= p95, got p50 " + p50 + ", p95 " + p95);
        }
        double mu = Math.log(p50.toNanos());
        double sigma = Math.log((double) p95.toNanos() / p50.toNanos()) / 1.6448536269514722;
        return () -> {
            double gaussian;
            synchronized (random) {
                gaussian = random.nextGaussian();
            }
            return Duration.ofNanos(Math.round(Math.exp(mu + sigma * gaussian)));
        };
    }
}
