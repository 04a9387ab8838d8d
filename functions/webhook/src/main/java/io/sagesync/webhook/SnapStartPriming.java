package io.sagesync.webhook;

import io.sagesync.adapter.json.JacksonWebhookBodyParser;
import io.sagesync.application.WebhookOutcome;
import io.sagesync.security.Hkdf;
import io.sagesync.security.MagentoWebhookVerifier;
import io.sagesync.security.TokenVerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: before Lambda snapshots the initialised environment, run the webhook's CPU paths once with
 * dummy data (JSON parse, HKDF, JWT parse and signature check, response building) so their classes are loaded and
 * linked in the snapshot rather than on the first request after every restore. No network call, no secret, no id
 * or random value is created here (SnapStart's uniqueness rule): the dummy token is rejected before the replay
 * guard, which is never reached.
 */
final class SnapStartPriming implements Resource {
    private static final String DUMMY_BODY = "{\"magento_entity_id\":1,\"website_id\":1,\"store_id\":1,"
            + "\"occurred_at\":\"2026-01-01T00:00:00Z\",\"payload\":{\"increment_id\":\"1\",\"paid\":true}}";
    /** A syntactically valid HS256 token whose signature cannot match the dummy key. */
    private static final String DUMMY_TOKEN = "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
            + "eyJpc3MiOiJtYWdlbnRvIiwic3ViIjoicHJpbWUiLCJhdWQiOiJieXRlOC1sZWRnZXIiLCJpYXQiOjEsIm5iZiI6MSwiZXhwIjo2MSwi"
            + "anRpIjoicHJpbWUifQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    static void register() {
        Core.getGlobalContext().register(new SnapStartPriming());
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to refresh: the api_key is loaded lazily on first use, never during init
    }

    static void prime() {
        new JacksonWebhookBodyParser().parse(DUMMY_BODY.getBytes(StandardCharsets.UTF_8));
        byte[] dummyKey = "snapstart-priming-not-a-key".getBytes(StandardCharsets.UTF_8);
        Hkdf.subkey(dummyKey, Hkdf.OUTBOUND_INFO);
        try {
            new MagentoWebhookVerifier(Clock.systemUTC(), (jti, until) -> {
                throw new IllegalStateException("priming must never reach the replay guard");
            }).verify(DUMMY_TOKEN, dummyKey, "prime");
        } catch (TokenVerificationException expected) {
            // the point was to exercise the parsing and HMAC paths
        }
        Responses.of(new WebhookOutcome.Accepted("prime"));
        Responses.error(401, "invalid_token");
    }
}
