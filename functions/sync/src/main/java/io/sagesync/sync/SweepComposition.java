package io.sagesync.sync;

import io.sagesync.adapter.dynamodb.DynamoDbRunGauges;
import io.sagesync.adapter.dynamodb.DynamoDbSyncRunStore;
import io.sagesync.adapter.sqs.SqsSyncQueue;
import io.sagesync.application.GaugedRunStore;
import io.sagesync.application.SweepStalledRuns;
import io.sagesync.config.AwsClients;
import io.sagesync.config.EnvNames;
import io.sagesync.config.SagesyncConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Wires the sweeper: the run store (its ActiveRuns index) behind the tile's gauges, like every other run writer, and
 * the FIFO sync queue.
 */
public record SweepComposition(SweepStalledRuns sweepStalledRuns) {
    public static SweepComposition fromEnvironment() {
        Map<String, String> env = System.getenv();
        String minutes = env.getOrDefault(EnvNames.SWEEP_STALLED_AFTER_MINUTES, "");
        Duration stalledAfter = minutes.isBlank() ? SweepStalledRuns.DEFAULT_STALLED_AFTER
                : Duration.ofMinutes(Long.parseLong(minutes.trim()));
        return of(SagesyncConfig.fromEnv(env).require(EnvNames.SYNC_QUEUE_URL), AwsClients.fromEnvironment(),
                Clock.systemUTC(), stalledAfter);
    }

    public static SweepComposition of(SagesyncConfig config, AwsClients aws, Clock clock, Duration stalledAfter) {
        var store = new DynamoDbSyncRunStore(aws.dynamoDb(), config.tableName(), clock);
        var runs = new GaugedRunStore(store, store, new DynamoDbRunGauges(aws.dynamoDb(), config.tableName()));
        return new SweepComposition(new SweepStalledRuns(config.tenantId(), runs, runs,
                new SqsSyncQueue(aws.sqs(), config.syncQueueUrl()), clock, stalledAfter,
                SweepStalledRuns.DEFAULT_BATCH));
    }
}
