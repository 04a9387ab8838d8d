package io.sagesync.adapter.sage.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagesync.adapter.ScriptedHttpServer;
import io.sagesync.adapter.ScriptedHttpServer.Reply;
import io.sagesync.adapter.http.JdkHttpClients;
import io.sagesync.application.InvocationDeadline;
import io.sagesync.port.SageOAuthException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OAuth calls' bounded I/O (issue 9 items 5 and 7): a capped body and one total deadline per call. */
class SageOAuthClientTest {
    private static final String TOKENS = "{\"access_token\":\"a1\",\"refresh_token\":\"r1\",\"expires_in\":300}";
    private ScriptedHttpServer oauth;

    @BeforeEach
    void start() throws Exception {
        oauth = new ScriptedHttpServer();
    }

    @AfterEach
    void stop() {
        oauth.close();
    }

    private SageOAuthClient client(Duration timeout, io.sagesync.port.CallBudget budget) {
        return new SageOAuthClient(JdkHttpClients.create(Duration.ofSeconds(2)), oauth.baseUrl() + "/token",
                oauth.baseUrl() + "/revoke", () -> new SageAppCredentials("id", "secret"), timeout,
                Clock.systemUTC(), budget);
    }

    @Test
    void aRefresh_returnsTheNewPair() {
        oauth.enqueue(200, TOKENS);

        var pair = client(Duration.ofSeconds(10), io.sagesync.port.CallBudget.UNBOUNDED)
                .refresh("r0", Duration.ofSeconds(5));

        assertThat(pair.refreshToken()).isEqualTo("r1");
        assertThat(oauth.last().body()).contains("grant_type=refresh_token", "refresh_token=r0");
    }

    @Test
    void aTokenResponseOverTheCap_isRefused_withoutTheBodyInTheMessage() {
        oauth.enqueue(200, "{\"access_token\":\"" + "x".repeat((int) SageOAuthClient.MAX_BODY_BYTES) + "\"}");

        assertThatThrownBy(() -> client(Duration.ofSeconds(10), io.sagesync.port.CallBudget.UNBOUNDED)
                .refresh("r0", Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(SageOAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_response");
                    assertThat(e.getMessage()).contains("more than").doesNotContain("xxxx");
                });
    }

    @Test
    void theLeaseHoldersDeadline_boundsTheWholeExchange_evenWithALongerClientTimeout() {
        oauth.enqueue(Reply.of(200, TOKENS).delayedBy(Duration.ofSeconds(6)));

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> client(Duration.ofSeconds(10), io.sagesync.port.CallBudget.UNBOUNDED)
                .refresh("r0", Duration.ofMillis(700)))
                .isInstanceOfSatisfying(SageOAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo("transport");
                    assertThat(e.isTransient()).isTrue();
                });
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(4500));
    }

    @Test
    void theInvocationBudget_boundsACodeExchange_and_aSpentBudgetSendsNothing() {
        oauth.enqueue(Reply.of(200, TOKENS).delayedBy(Duration.ofSeconds(6)));
        var deadline = new InvocationDeadline(Clock.systemUTC(), Duration.ZERO);
        deadline.begin(Duration.ofMillis(800));

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> client(Duration.ofSeconds(10), deadline).exchangeCode("code", "https://cb", "v"))
                .isInstanceOf(SageOAuthException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(4500));

        int before = oauth.received().size();
        assertThatThrownBy(() -> client(Duration.ofSeconds(10), () -> Duration.ZERO).revoke("r1"))
                .isInstanceOfSatisfying(SageOAuthException.class, e -> assertThat(e.error()).isEqualTo("transport"));
        assertThat(oauth.received()).hasSize(before);
    }
}
