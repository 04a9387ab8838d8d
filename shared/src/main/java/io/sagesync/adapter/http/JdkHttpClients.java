package io.sagesync.adapter.http;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Builds the one {@link HttpClient} a Lambda execution environment shares across invocations (it owns a connection
 * pool and a selector thread, so building one per call would cost a TLS handshake every time).
 */
public final class JdkHttpClients {
    private JdkHttpClients() {
    }

    /**
     * A client that never follows redirects: a redirect would re-send our bearer token to wherever the Location
     * points, and neither Magento's REST API nor Sage's uses redirects on the routes we call.
     *
     * @param connectTimeout TCP + TLS connect timeout; per-request timeouts are set by the adapters
     */
    public static HttpClient create(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                // HTTP/1.1: avoids the cleartext h2c upgrade dance with local simulators and old proxies in front
                // of Magento hosts; one worker makes a handful of sequential calls, so multiplexing buys nothing.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }
}
