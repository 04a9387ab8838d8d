package io.sagesync.local;

import io.sagesync.adapter.http.JdkHttpClients;
import io.sagesync.config.SageTokenStores;
import io.sagesync.admin.AdminComposition;
import io.sagesync.admin.AdminConfig;
import io.sagesync.config.AwsClients;
import io.sagesync.console.ConsoleComposition;
import io.sagesync.console.ConsoleConfig;
import io.sagesync.config.SagesyncConfig;
import io.sagesync.port.SageTokenSet;
import io.sagesync.retry.Sleeper;
import io.sagesync.simulator.sage.SageSimulator;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;

/** Local mode's console and admin wiring: the settings the console and the OAuth callback share, and the console. */
final class LocalConsoleWiring {
    private LocalConsoleWiring() {
    }

    /** The console's and the OAuth callback's admin settings: redirect URI = this API's /sage/oauth/callback. */
    static AdminConfig adminConfig(LocalSettings settings, SagesyncConfig config, SageSimulator sage,
                                           String apiUrl) {
        String tokenUrl = sage != null ? sage.tokenUrl() : settings.sageTokenUrl() == null
                ? "https://oauth.accounting.sage.com/token" : settings.sageTokenUrl();
        return new AdminConfig(config.tenantId(), config.tableName(), config.tenantSecretId(),
                config.sageSecretId(), "", config.sageBaseUrl(), tokenUrl, tokenUrl.replace("/token", "/revoke"),
                sage != null ? sage.authorizeUrl() : "https://www.sageone.com/oauth2/auth/central?filter=apiv3.1",
                apiUrl + "/sage/oauth/callback", apiUrl, "", config.kmsKeyId());
    }

    /**
     * The console as deployed, its password from the environment. With the Sage simulator, its tokens are stored as
     * Connect Sage stores them and its reference data fetched through the real adapter (Connection, pickers filled).
     */
    static ConsoleComposition consoleComposition(LocalSettings settings, SagesyncConfig config,
                                                         AdminConfig admin, AwsClients clients, Clock clock,
                                                         SageSimulator sage) {
        byte[] password = LocalSettings.consolePassword(System.getenv()).getBytes(StandardCharsets.UTF_8);
        var app = settings.sageApp();
        if (sage != null) {
            var tokens = sage.issueTokens();
            SageTokenStores.dynamoDb(clients, config.tableName(), config.kmsKeyId(), "", clock)
                    .storeNow(new SageTokenSet(tokens.accessToken(), tokens.refreshToken(),
                            clock.instant().plusSeconds(tokens.expiresInSeconds()),
                            clock.instant().plus(java.time.Duration.ofDays(31)), SageSimulator.LEAD_BUSINESS_ID));
            AdminComposition.useCases(admin, clients, JdkHttpClients.create(java.time.Duration.ofSeconds(5)), clock,
                    new SecureRandom(), Sleeper.threadSleep(), () -> java.util.UUID.randomUUID().toString(),
                    () -> app).reference().refresh();
        }
        return ConsoleComposition.of(config, admin, new ConsoleConfig("", "uk", "https://app.accounting.sage.com"),
                clients, clock, new SecureRandom(), password::clone, () -> app);
    }
}
