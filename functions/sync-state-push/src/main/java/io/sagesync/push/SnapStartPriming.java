package io.sagesync.push;

import io.sagesync.adapter.sqs.PushJobJson;
import io.sagesync.domain.EntityType;
import io.sagesync.domain.EventName;
import io.sagesync.domain.PushJob;
import io.sagesync.domain.SyncStateUpdate;
import io.sagesync.security.LedgerTokenSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming for the sync-state push: before Lambda snapshots the initialised environment, run the push's CPU
 * paths once with dummy data (push job JSON both ways, the Magento JWT) so their classes are loaded in the snapshot
 * rather than on the first push after every restore. No network call, no secret and no stored id or random value:
 * the JWT is signed with a dummy key and a fixed jti and thrown away.
 */
final class SnapStartPriming implements Resource {

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

    /** Runs the CPU paths; returns the job read back from its JSON. */
    static PushJob prime() {
        PushJob job = PushJobJson.read(PushJobJson.write(new PushJob("prime", EventName.INVOICE_CREATED,
                new SyncStateUpdate(EntityType.INVOICE, 1, SyncStateUpdate.SAGE_PROVIDER,
                        SyncStateUpdate.SyncStatus.FAILED, null, null, null, "prime_error", Instant.EPOCH))));
        new LedgerTokenSigner(Clock.systemUTC(), () -> "prime").sign(
                "snapstart-priming-not-a-key".getBytes(StandardCharsets.UTF_8), "prime");
        return job;
    }
}
