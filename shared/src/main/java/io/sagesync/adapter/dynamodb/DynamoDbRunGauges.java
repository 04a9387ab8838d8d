package io.sagesync.adapter.dynamodb;

import io.sagesync.domain.RunGauge;
import io.sagesync.domain.RunStatus;
import io.sagesync.port.InfrastructureException;
import io.sagesync.port.RunGauges;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The run gauges in constant space and constant cost per transition, however large the backlog:
 * <ul>
 *   <li>one small <b>member item</b> per counted run, {@code GAUGE}/{@code M#<run_id>}, holding {@code state}
 *       ({@code pending} or {@code failed}) and {@code failed_at}; written with {@code ReturnValues=ALL_OLD}, so each
 *       write says what the run counted as before. That makes every transition idempotent per run (the same
 *       transition recorded twice changes nothing the second time);</li>
 *   <li>one <b>counter item</b>, {@code STATS}/{@code RUNS}: {@code pending}, one {@code fh_<yyyyMMddHH>} count of
 *       failures per hour, and {@code last_run_at}. A member write that changed what the run counts as is followed
 *       by one {@code ADD} of the difference. The tile reads the counter item: one consistent GetItem.</li>
 * </ul>
 * An earlier design kept one attribute per run in the counter item: every update then cost as many write units as
 * the item had kilobytes (quadratic in the backlog, measured at 52 WRU per invoice in a 500-invoice backlog) and the
 * item hit DynamoDB's 400 KB limit at about 7,000 pending runs, on one hot key.
 *
 * <p>Drift: a process that dies between the member write and the counter {@code ADD} leaves the counter off by one;
 * {@link #settle} (called by the recount) rebuilds the counters from the members. Failures count "in the last 24
 * hours, to the hour": the hour buckets that start at or after the hour of {@code now − 24 h}.
 */
public final class DynamoDbRunGauges implements RunGauges {
    static final String STATS_PK = "STATS";
    static final String RUNS_SK = "RUNS";
    static final String MEMBER_PK = "GAUGE";
    private static final String MEMBER_PREFIX = "M#";
    private static final String BUCKET_PREFIX = "fh_";
    private static final String PENDING = "pending";
    private static final String FAILED = "failed";
    private static final Duration FAILED_WINDOW = Duration.ofHours(24);
    private static final int PRUNE_AFTER_BUCKETS = 48;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbRunGauges(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void queued(String runId, Instant at) {
        Counted before = put(runId, PENDING, null);
        counters(before.delta().pending(), before, null, null);
    }

    @Override
    public void finished(String runId, RunStatus status, Instant at) {
        if (status == RunStatus.FAILED) {
            failedAt(runId, at, at);
        } else {
            Counted before = delete(runId);
            counters(before.delta().pending(), before, null, at);
        }
    }

    @Override
    public void failedAt(String runId, Instant at) {
        failedAt(runId, at, null);
    }

    private void failedAt(String runId, Instant at, Instant lastRunAt) {
        Counted before = put(runId, FAILED, at);
        counters(before.delta().pending(), before, before.failedAt != null && before.failedAt.equals(at) ? null : at,
                lastRunAt);
    }

    @Override
    public void forget(String runId) {
        Counted before = delete(runId);
        counters(before.delta().pending(), before, null, null);
    }

    @Override
    public RunGauge read(Instant now) {
        Map<String, AttributeValue> item = counterItem();
        String since = HOUR.format(now.minus(FAILED_WINDOW).truncatedTo(ChronoUnit.HOURS));
        int failed = 0;
        Map<String, String> stale = new LinkedHashMap<>();
        String pruneBefore = HOUR.format(now.minus(FAILED_WINDOW.multipliedBy(2)));
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            if (e.getKey().startsWith(BUCKET_PREFIX)) {
                String hour = e.getKey().substring(BUCKET_PREFIX.length());
                if (hour.compareTo(since) >= 0) {
                    failed += Integer.parseInt(e.getValue().n());
                } else if (hour.compareTo(pruneBefore) < 0) {
                    stale.put("#s" + stale.size(), e.getKey());
                }
            }
        }
        if (stale.size() >= PRUNE_AFTER_BUCKETS) {
            prune(stale);
        }
        AttributeValue pending = item.get(PENDING);
        AttributeValue last = item.get("last_run_at");
        return new RunGauge(Math.max(0, pending == null ? 0 : Integer.parseInt(pending.n())), Math.max(0, failed),
                last == null ? null : Instant.parse(last.s()));
    }

    @Override
    public Contents contents() {
        Set<String> pending = new HashSet<>();
        Map<String, Instant> failed = new HashMap<>();
        forEachMember((runId, member) -> {
            if (FAILED.equals(member.get("state").s())) {
                failed.put(runId, Instant.ofEpochSecond(Long.parseLong(member.get("failed_at").n())));
            } else {
                pending.add(runId);
            }
        });
        AttributeValue last = counterItem().get("last_run_at");
        return new Contents(pending, failed, last == null ? null : Instant.parse(last.s()));
    }

    /**
     * Rebuilds the counters from the member items (the recount's last step). A transition racing it can leave the
     * counters one off until the next recount; the members stay right.
     */
    @Override
    public void settle() {
        Map<String, Integer> buckets = new HashMap<>();
        int[] pending = {0};
        forEachMember((runId, member) -> {
            if (FAILED.equals(member.get("state").s())) {
                buckets.merge(bucket(Instant.ofEpochSecond(Long.parseLong(member.get("failed_at").n()))), 1,
                        Integer::sum);
            } else {
                pending[0]++;
            }
        });
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        StringBuilder set = new StringBuilder("SET #pending = :pending");
        names.put("#pending", PENDING);
        values.put(":pending", number(pending[0]));
        StringBuilder remove = new StringBuilder();
        for (String attribute : counterItem().keySet()) {
            if (attribute.startsWith(BUCKET_PREFIX) && !buckets.containsKey(attribute)) {
                String name = "#r" + names.size();
                names.put(name, attribute);
                remove.append(remove.isEmpty() ? " REMOVE " : ", ").append(name);
            }
        }
        for (Map.Entry<String, Integer> b : buckets.entrySet()) {
            String name = "#b" + names.size();
            names.put(name, b.getKey());
            values.put(":v" + values.size(), number(b.getValue()));
            set.append(", ").append(name).append(" = :v").append(values.size() - 1);
        }
        update(set.toString() + remove, names, values);
    }

    @Override
    public void lastRunAtLeast(Instant at) {
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName).key(counterKey())
                    .updateExpression("SET last_run_at = :at")
                    // ISO-8601 instants of one format compare as text
                    .conditionExpression("attribute_not_exists(last_run_at) OR last_run_at < :at")
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(at.toString()))).build());
        } catch (ConditionalCheckFailedException later) {
            // a later run is recorded already
        } catch (SdkException e) {
            throw new InfrastructureException("run gauges unavailable", e);
        }
    }

    // ---------------------------------------------------------------- member items

    /** What a run counted as before a member write: nothing, pending, or failed at {@code failedAt}. */
    private record Counted(String state, Instant failedAt, String newState) {
        Delta delta() {
            return new Delta((PENDING.equals(newState) ? 1 : 0) - (PENDING.equals(state) ? 1 : 0));
        }
    }

    private record Delta(int pending) {
    }

    private Counted put(String runId, String state, Instant failedAt) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":state", AttributeValue.fromS(state));
        String expression = "SET #state = :state";
        if (failedAt != null) {
            // a failure stops counting after 24 hours; its member goes a day later (TTL), so members stay bounded
            values.put(":at", AttributeValue.fromN(Long.toString(failedAt.getEpochSecond())));
            values.put(":expires", AttributeValue.fromN(Long.toString(failedAt.plus(FAILED_WINDOW.multipliedBy(2))
                    .getEpochSecond())));
            expression += ", failed_at = :at, " + TableKeys.EXPIRES_AT + " = :expires";
        } else {
            expression += " REMOVE failed_at, " + TableKeys.EXPIRES_AT;
        }
        try {
            var response = dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName)
                    .key(memberKey(runId)).updateExpression(expression)
                    .expressionAttributeNames(Map.of("#state", "state")).expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_OLD).build());
            return counted(response.attributes(), state);
        } catch (SdkException e) {
            throw new InfrastructureException("run gauges unavailable", e);
        }
    }

    private Counted delete(String runId) {
        try {
            var response = dynamoDb.deleteItem(b -> b.tableName(tableName).key(memberKey(runId))
                    .returnValues(ReturnValue.ALL_OLD));
            return counted(response.attributes(), null);
        } catch (SdkException e) {
            throw new InfrastructureException("run gauges unavailable", e);
        }
    }

    private static Counted counted(Map<String, AttributeValue> old, String newState) {
        if (old == null || old.isEmpty() || !old.containsKey("state")) {
            return new Counted(null, null, newState);
        }
        AttributeValue at = old.get("failed_at");
        return new Counted(old.get("state").s(), at == null ? null : Instant.ofEpochSecond(Long.parseLong(at.n())),
                newState);
    }

    private interface MemberVisitor {
        void visit(String runId, Map<String, AttributeValue> member);
    }

    private void forEachMember(MemberVisitor visitor) {
        Map<String, AttributeValue> start = null;
        try {
            do {
                QueryResponse page = dynamoDb.query(QueryRequest.builder().tableName(tableName)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :m)")
                        .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(MEMBER_PK),
                                ":m", AttributeValue.fromS(MEMBER_PREFIX)))
                        .consistentRead(true).exclusiveStartKey(start).build());
                for (Map<String, AttributeValue> member : page.items()) {
                    if (member.containsKey("state")) {
                        visitor.visit(member.get(TableKeys.SK).s().substring(MEMBER_PREFIX.length()), member);
                    }
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                        : null;
            } while (start != null);
        } catch (SdkException e) {
            throw new InfrastructureException("run gauges unavailable", e);
        }
    }

    // ---------------------------------------------------------------- counter item

    /**
     * One ADD of what changed: pending by {@code pendingDelta}; the hour bucket of the run's earlier failure down by
     * one; the bucket of {@code failedNow} up by one; {@code last_run_at} set when given. Nothing is written when
     * nothing changed.
     */
    private void counters(int pendingDelta, Counted before, Instant failedNow, Instant lastRunAt) {
        Map<String, Integer> buckets = new HashMap<>();
        if (FAILED.equals(before.state()) && before.failedAt() != null
                && (failedNow != null || !FAILED.equals(before.newState()))) {
            buckets.merge(bucket(before.failedAt()), -1, Integer::sum);
        }
        if (failedNow != null) {
            buckets.merge(bucket(failedNow), 1, Integer::sum);
        }
        buckets.values().removeIf(v -> v == 0);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        StringBuilder add = new StringBuilder();
        if (pendingDelta != 0) {
            names.put("#pending", PENDING);
            values.put(":dp", number(pendingDelta));
            add.append("#pending :dp");
        }
        for (Map.Entry<String, Integer> b : buckets.entrySet()) {
            String name = "#b" + names.size();
            names.put(name, b.getKey());
            values.put(":v" + values.size(), number(b.getValue()));
            add.append(add.isEmpty() ? "" : ", ").append(name).append(" :v").append(values.size() - 1);
        }
        String expression = add.isEmpty() ? "" : "ADD " + add;
        if (lastRunAt != null) {
            values.put(":at", AttributeValue.fromS(lastRunAt.toString()));
            expression = "SET last_run_at = :at" + (expression.isEmpty() ? "" : " " + expression);
        }
        if (!expression.isEmpty()) {
            update(expression, names, values);
        }
    }

    private Map<String, AttributeValue> counterItem() {
        try {
            var response = dynamoDb.getItem(GetItemRequest.builder().tableName(tableName).key(counterKey())
                    .consistentRead(true).build());
            return response.hasItem() ? response.item() : Map.of();
        } catch (SdkException e) {
            throw new InfrastructureException("run gauges unavailable", e);
        }
    }

    /** Hour buckets older than two windows no longer count; removed best effort (retried on a later read). */
    private void prune(Map<String, String> stale) {
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName).key(counterKey())
                    .updateExpression("REMOVE " + String.join(", ", stale.keySet()))
                    .expressionAttributeNames(stale).build());
        } catch (SdkException ignored) {
            // the next read tries again
        }
    }

    private void update(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName).key(counterKey())
                    .updateExpression(expression).expressionAttributeNames(names.isEmpty() ? null : names)
                    .expressionAttributeValues(values.isEmpty() ? null : values).build());
        } catch (SdkException e) {
            throw new InfrastructureException("run gauges unavailable", e);
        }
    }

    private static String bucket(Instant at) {
        return BUCKET_PREFIX + HOUR.format(at);
    }

    private static AttributeValue number(int n) {
        return AttributeValue.fromN(Integer.toString(n));
    }

    private static Map<String, AttributeValue> counterKey() {
        return Map.of(TableKeys.PK, AttributeValue.fromS(STATS_PK), TableKeys.SK, AttributeValue.fromS(RUNS_SK));
    }

    private static Map<String, AttributeValue> memberKey(String runId) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(MEMBER_PK),
                TableKeys.SK, AttributeValue.fromS(MEMBER_PREFIX + runId));
    }
}
