package io.sagesync.local;

import io.sagesync.config.EnvNames;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code make local}'s configuration, from the environment. Unset Magento/Sage URLs mean "start the built-in
 * simulators"; set them to point local mode at a real shop and a real Sage business.
 *
 * @param port           API port ({@code SAGESYNC_PORT}, default 3000)
 * @param tenantId       {@code SAGESYNC_TENANT_ID}
 * @param apiKey         {@code SAGESYNC_API_KEY}: the channel key Magento signs with
 * @param magentoBaseUrl {@code SAGESYNC_MAGENTO_BASE_URL}, or null for the simulator
 * @param sageBaseUrl    {@code SAGESYNC_SAGE_BASE_URL}, or null for the simulator
 * @param sageTokenUrl   {@code SAGESYNC_SAGE_TOKEN_URL}
 * @param sageClientId   {@code SAGESYNC_SAGE_CLIENT_ID}
 * @param sageClientSecret {@code SAGESYNC_SAGE_CLIENT_SECRET}
 * @param sageRefreshToken {@code SAGESYNC_SAGE_REFRESH_TOKEN}
 * @param sageBusinessId {@code SAGESYNC_SAGE_BUSINESS_ID}
 * @param settingsFile   {@code SAGESYNC_SETTINGS_FILE}: the binding's sync policy as JSON, or null for defaults
 * @param demo           {@code SAGESYNC_DEMO} (default on): walk one invoice through and print the timeline
 */
public record LocalSettings(int port, String tenantId, String apiKey, String magentoBaseUrl, String sageBaseUrl,
                            String sageTokenUrl, String sageClientId, String sageClientSecret,
                            String sageRefreshToken, String sageBusinessId, Path settingsFile, boolean demo) {
    public static final String DEFAULT_TENANT = "11111111-2222-4333-8444-555555555555";
    /** Printed at start; only ever used against local emulators. */
    public static final String DEFAULT_API_KEY = "sagesync-local-dev-key";
    /** The console password in local mode unless {@code SAGESYNC_CONSOLE_PASSWORD} is set; printed at start. */
    public static final String DEFAULT_CONSOLE_PASSWORD = "sagesync-local-console";

    /** {@code SAGESYNC_CONSOLE_PASSWORD}, or {@link #DEFAULT_CONSOLE_PASSWORD}. */
    public static String consolePassword(Map<String, String> env) {
        return nonBlank(env.get("SAGESYNC_CONSOLE_PASSWORD"), DEFAULT_CONSOLE_PASSWORD);
    }

    public static LocalSettings fromEnv(Map<String, String> env) {
        return new LocalSettings(
                Integer.parseInt(env.getOrDefault(EnvNames.LOCAL_PORT, "3000")),
                nonBlank(env.get(EnvNames.TENANT_ID), DEFAULT_TENANT),
                nonBlank(env.get(EnvNames.LOCAL_API_KEY), DEFAULT_API_KEY),
                nonBlank(env.get(EnvNames.MAGENTO_BASE_URL), null),
                nonBlank(env.get(EnvNames.SAGE_BASE_URL), null),
                nonBlank(env.get(EnvNames.SAGE_TOKEN_URL), null),
                nonBlank(env.get(EnvNames.SAGE_CLIENT_ID), null),
                nonBlank(env.get(EnvNames.SAGE_CLIENT_SECRET), null),
                nonBlank(env.get(EnvNames.SAGE_REFRESH_TOKEN), null),
                nonBlank(env.get(EnvNames.SAGE_BUSINESS_ID), null),
                env.get(EnvNames.SETTINGS_FILE) == null || env.get(EnvNames.SETTINGS_FILE).isBlank() ? null
                        : Path.of(env.get(EnvNames.SETTINGS_FILE)),
                !"0".equals(env.getOrDefault(EnvNames.LOCAL_DEMO, "1")));
    }

    public boolean simulatedMagento() {
        return magentoBaseUrl == null;
    }

    public boolean simulatedSage() {
        return sageBaseUrl == null;
    }

    private static String nonBlank(String v, String fallback) {
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /** The Sage app's client credentials ({@code local}/{@code local} for the simulator, which accepts any). */
    io.sagesync.adapter.sage.oauth.SageAppCredentials sageApp() {
        return new io.sagesync.adapter.sage.oauth.SageAppCredentials(sageClientId() == null ? "local"
                : sageClientId(), sageClientSecret() == null ? "local" : sageClientSecret());
    }
}
