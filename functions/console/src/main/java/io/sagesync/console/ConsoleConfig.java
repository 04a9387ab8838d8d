package io.sagesync.console;

import java.util.Map;

/**
 * The console function's own settings, read once (the shared ones are in {@code SagesyncConfig}).
 *
 * @param consoleSecretId  ConsoleSecret ({@code {"password":"..."}}); blank = nobody can sign in
 * @param region           the Sage region the module shows ("Connected to Sage (UK)")
 * @param sageAppUrl       base of Sage's web app, for links to posted documents
 * @param sageTokenUrl     Sage OAuth token endpoint
 * @param sageRevokeUrl    Sage OAuth revoke endpoint (disconnect)
 * @param sageAuthorizeUrl Sage OAuth authorise page ("Connect Sage")
 * @param sageAppSecretId  SageAppSecret (client id and secret)
 */
public record ConsoleConfig(String consoleSecretId, String region, String sageAppUrl, String sageTokenUrl,
                            String sageRevokeUrl, String sageAuthorizeUrl, String sageAppSecretId) {
    public static final String CONSOLE_SECRET_ID = "SAGESYNC_CONSOLE_SECRET_ID";
    public static final String SAGE_REGION = "SAGESYNC_SAGE_REGION";
    public static final String SAGE_APP_URL = "SAGESYNC_SAGE_APP_URL";

    public static ConsoleConfig fromEnv(Map<String, String> env) {
        return new ConsoleConfig(env.getOrDefault(CONSOLE_SECRET_ID, ""),
                env.getOrDefault(SAGE_REGION, "uk"),
                env.getOrDefault(SAGE_APP_URL, "https://app.accounting.sage.com"),
                env.getOrDefault("SAGESYNC_SAGE_TOKEN_URL", "https://oauth.accounting.sage.com/token"),
                env.getOrDefault("SAGESYNC_SAGE_REVOKE_URL", "https://oauth.accounting.sage.com/revoke"),
                env.getOrDefault("SAGESYNC_SAGE_AUTHORIZE_URL",
                        "https://www.sageone.com/oauth2/auth/central?filter=apiv3.1"),
                env.getOrDefault("SAGESYNC_SAGE_APP_SECRET_ID", ""));
    }
}
