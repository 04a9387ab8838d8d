package io.sagesync.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.adapter.dynamodb.DynamoDbPushLog;
import io.sagesync.domain.EntityType;
import io.sagesync.domain.ErrorClass;
import io.sagesync.domain.SyncStateUpdate;
import io.sagesync.port.PushLog.Claim;
import io.sagesync.testkit.LocalAws;
import io.sagesync.testkit.LocalAwsExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The per-row claim that orders sync-state pushes (issue 9 item 8), as conditional writes on moto. */
@ExtendWith(LocalAwsExtension.class)
class PushRowClaimIntegrationTest {
    private static final Instant T = Instant.parse("2026-04-30T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final LocalAws aws;
    private DynamoDbPushLog log;

    PushRowClaimIntegrationTest(LocalAws aws) {
        this.aws = aws;
    }

    @BeforeEach
    void cleanSlate() {
        aws.reset();
        log = new DynamoDbPushLog(aws.clients().dynamoDb(), aws.tableName());
    }

    @Test
    void whileOnePushHoldsTheRow_anotherWaits_thenTheOlderIsSupersededByTheDeliveredNewer() {
        SyncStateUpdate older = SyncStateUpdate.failed(EntityType.INVOICE, 42, ErrorClass.PROVIDER, T);
        SyncStateUpdate newer = SyncStateUpdate.synced(EntityType.INVOICE, 42, "s-1", "SI-1", T.plusSeconds(5));
        Instant now = Instant.now();

        assertThat(log.claim(newer, "newer", now, LEASE)).isEqualTo(Claim.CLAIMED);
        assertThat(log.claim(older, "older", now, LEASE)).isEqualTo(Claim.BUSY);
        assertThat(log.claim(newer, "newer", now, LEASE)).as("a holder may re-claim").isEqualTo(Claim.CLAIMED);
        log.release(newer, "newer", true);

        assertThat(log.claim(older, "older", now, LEASE)).isEqualTo(Claim.SUPERSEDED);
        assertThat(log.claim(SyncStateUpdate.failed(EntityType.INVOICE, 43, ErrorClass.PROVIDER, T), "other-row",
                now, LEASE)).as("rows are independent").isEqualTo(Claim.CLAIMED);
    }

    @Test
    void aLeaseThatRanOut_freesTheRow_andAFailedPushReleasesWithoutMovingTheWatermark() {
        SyncStateUpdate first = SyncStateUpdate.failed(EntityType.INVOICE, 44, ErrorClass.PROVIDER, T);
        SyncStateUpdate second = SyncStateUpdate.synced(EntityType.INVOICE, 44, "s-1", "SI-1", T.plusSeconds(5));
        Instant now = Instant.now();

        assertThat(log.claim(second, "crashed-holder", now.minusSeconds(120), LEASE)).isEqualTo(Claim.CLAIMED);
        assertThat(log.claim(first, "first", now, LEASE)).isEqualTo(Claim.CLAIMED);
        log.release(first, "first", false);

        assertThat(log.claim(first, "first-again", now, LEASE)).isEqualTo(Claim.CLAIMED);
    }
}
