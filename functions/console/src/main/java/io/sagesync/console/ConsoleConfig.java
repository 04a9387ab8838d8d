package io.sagesync.console;

import java.util.Map;

/**
 * The console function's own settings, read once (the shared ones are in {@code SagesyncConfig}, the Sage OAuth and
 * pairing ones in {@code AdminConfig}: the console drives the same admin use cases).
 *
 * @param consoleSecretId ConsoleSecret ({@code {"password":"..."}}); blank = nobody can sign in
 * @param region          the Sage region the module shows ("Connected to Sage (UK)")
 * @param sageAppUrl      base of Sage's web app, for links to posted documents
 */
public record ConsoleConfig(String consoleSecretId, String region, String sageAppUrl) {
    public static final String CONSOLE_SECRET_ID = "SAGESYNC_CONSOLE_SECRET_ID";
    public static final String SAGE_REGION = "SAGESYNC_SAGE_REGION";
    public static final String SAGE_APP_URL = "SAGESYNC_SAGE_APP_URL";

    public static ConsoleConfig fromEnv(Map<String, String> env) {
        return new ConsoleConfig(env.getOrDefault(CONSOLE_SECRET_ID, ""), env.getOrDefault(SAGE_REGION, "uk"),
                env.getOrDefault(SAGE_APP_URL, "https://app.accounting.sage.com"));
    }
}
