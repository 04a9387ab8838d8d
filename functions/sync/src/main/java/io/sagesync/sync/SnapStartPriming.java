package io.sagesync.sync;

import io.sagesync.adapter.magento.CanonicalJsonParser;
import io.sagesync.adapter.sage.api.SageJson;
import io.sagesync.adapter.sqs.PushJobJson;
import io.sagesync.adapter.sqs.SyncJobJson;
import io.sagesync.domain.EntityType;
import io.sagesync.domain.EventName;
import io.sagesync.domain.PushJob;
import io.sagesync.domain.SyncJob;
import io.sagesync.domain.SyncStateUpdate;
import io.sagesync.domain.magento.CanonicalInvoice;
import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.domain.sage.InvoiceMapper;
import io.sagesync.security.LedgerTokenSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming for the sync worker: before Lambda snapshots the initialised environment, run the job's CPU
 * paths once on a bundled example invoice (job JSON, canonical invoice parse, policy completion, invoice mapping,
 * the Sage request JSON, the Magento JWT, the push job JSON) so those classes are loaded, linked and their static
 * state built in the snapshot instead of on the first job after every restore. No network call, no secret and no
 * stored id or random value (SnapStart's uniqueness rule): the JWT is signed with a dummy key and a fixed jti and
 * thrown away.
 */
final class SnapStartPriming implements Resource {
    private static final String EXAMPLE_INVOICE = "/priming/invoice.json";

    static void register() {
        Core.getGlobalContext().register(new SnapStartPriming());
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to refresh: keys, tokens and reference data are read lazily on first use, never during init
    }

    /** Runs the CPU paths; returns the Sage request body it built (so a test can check priming did real work). */
    static String prime() {
        SyncJob job = SyncJobJson.read(SyncJobJson.write(new SyncJob("prime", "prime", EventName.INVOICE_CREATED, 1,
                1, 1, 1)));
        CanonicalInvoice invoice = new CanonicalJsonParser().parseInvoice(exampleInvoice());
        SyncPolicy policy = SyncPolicy.defaults().completedWith("prime-tax", "prime-ledger", "prime-bank", "GBP",
                "GB");
        String body = new SageJson().writeSalesInvoice(InvoiceMapper.map(invoice, policy, "prime-contact",
                "prime-" + job.magentoEntityId()).request());
        new LedgerTokenSigner(Clock.systemUTC(), () -> "prime").sign(
                "snapstart-priming-not-a-key".getBytes(StandardCharsets.UTF_8), "prime");
        PushJobJson.read(PushJobJson.write(new PushJob("prime", EventName.INVOICE_CREATED, new SyncStateUpdate(
                EntityType.INVOICE, 1, SyncStateUpdate.SAGE_PROVIDER, SyncStateUpdate.SyncStatus.SYNCED, "prime",
                "SI-1", null, null, Instant.EPOCH))));
        return body;
    }

    private static String exampleInvoice() {
        try (InputStream in = SnapStartPriming.class.getResourceAsStream(EXAMPLE_INVOICE)) {
            if (in == null) {
                throw new IllegalStateException(EXAMPLE_INVOICE + " missing from the function's classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
