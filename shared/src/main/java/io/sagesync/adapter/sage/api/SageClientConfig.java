package io.sagesync.adapter.sage.api;

import io.sagesync.retry.InProcessRetry;
import java.time.Duration;
import java.util.Objects;

/**
 * Fixed settings of one tenant's Sage connection, read once at the composition root.
 *
 * @param baseUrl        API root, {@code https://api.accounting.sage.com/v3.1} in production (a simulator locally)
 * @param businessId     the Sage business we write to; sent as {@code X-Business} and checked on every response
 * @param connectTimeout TCP + TLS connect timeout, for building the shared {@link java.net.http.HttpClient}
 * @param requestTimeout per-request timeout until response headers arrive
 * @param retryPolicy    in-process retry limits
 */
public record SageClientConfig(String baseUrl, String businessId, Duration connectTimeout, Duration requestTimeout,
                               InProcessRetry retryPolicy) {

    /** Sage's single v3.1 base URL for every region. */
    public static final String PRODUCTION_BASE_URL = "https://api.accounting.sage.com/v3.1";

    public SageClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        if (businessId == null || businessId.isBlank()) {
            // Without X-Business Sage silently uses the user's lead business, which can change under us.
            throw new IllegalArgumentException("businessId is required");
        }
        baseUrl = baseUrl.strip();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        businessId = businessId.strip();
    }
}
