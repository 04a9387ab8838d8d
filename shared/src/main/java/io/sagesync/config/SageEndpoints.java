package io.sagesync.config;

import java.util.Map;

/**
 * Sage's production endpoints, in one place: the value of each {@code SAGESYNC_SAGE_*_URL} variable when it is unset.
 * Tests and {@code make local} set the variables to the Sage simulator.
 */
public final class SageEndpoints {
    /** Sage's single v3.1 API root for every region. */
    public static final String API = "https://api.accounting.sage.com/v3.1";
    public static final String TOKEN = "https://oauth.accounting.sage.com/token";
    public static final String REVOKE = "https://oauth.accounting.sage.com/revoke";
    public static final String AUTHORIZE = "https://www.sageone.com/oauth2/auth/central?filter=apiv3.1";

    private SageEndpoints() {
    }

    /** {@link EnvNames#SAGE_BASE_URL}, or {@link #API}. */
    public static String api(Map<String, String> env) {
        return env.getOrDefault(EnvNames.SAGE_BASE_URL, API);
    }

    /** {@link EnvNames#SAGE_TOKEN_URL}, or {@link #TOKEN}. */
    public static String token(Map<String, String> env) {
        return env.getOrDefault(EnvNames.SAGE_TOKEN_URL, TOKEN);
    }

    /** {@link EnvNames#SAGE_REVOKE_URL}, or {@link #REVOKE}. */
    public static String revoke(Map<String, String> env) {
        return env.getOrDefault(EnvNames.SAGE_REVOKE_URL, REVOKE);
    }

    /** {@link EnvNames#SAGE_AUTHORIZE_URL}, or {@link #AUTHORIZE}. */
    public static String authorize(Map<String, String> env) {
        return env.getOrDefault(EnvNames.SAGE_AUTHORIZE_URL, AUTHORIZE);
    }
}
