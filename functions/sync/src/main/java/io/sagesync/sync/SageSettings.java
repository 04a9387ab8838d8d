package io.sagesync.sync;

import io.sagesync.config.EnvNames;
import io.sagesync.config.SageEndpoints;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where and as whom the worker talks to Sage.
 *
 * @param baseUrl     API root, e.g. {@code https://api.accounting.sage.com/v3.1} or a simulator's
 * @param businessId  the business sent as {@code X-Business}
 * @param accessToken a currently valid access token, called before every Sage request (the OAuth refresh
 *                    supplier plugs in here; until then a configured token)
 */
public record SageSettings(String baseUrl, String businessId, Supplier<String> accessToken) {
    public SageSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(accessToken, "accessToken");
    }

    /** From {@code SAGESYNC_SAGE_BASE_URL}, {@code SAGESYNC_SAGE_BUSINESS_ID}, {@code SAGESYNC_SAGE_ACCESS_TOKEN}. */
    public static SageSettings fromEnv(Map<String, String> env) {
        String token = env.getOrDefault(EnvNames.SAGE_ACCESS_TOKEN, "");
        return new SageSettings(SageEndpoints.api(env),
                env.getOrDefault(EnvNames.SAGE_BUSINESS_ID, ""), () -> token);
    }
}
