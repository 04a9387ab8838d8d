package io.sagesync.local.bench;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;

/**
 * Counts every AWS request the functions send, by service and operation, at the SDK's wire (one count per HTTP
 * attempt that reached the emulator), and prices DynamoDB in on-demand request units from item sizes, since moto
 * answers {@code ConsumedCapacity} with constants. The sizing follows DynamoDB's rules: an item's size is its
 * attribute names plus values; a write costs one WRU per started KB of the larger of the old and new item, plus
 * the same again for each global secondary index the item is (or was) in; a strongly consistent read one RRU per
 * started 4 KB, an eventually consistent one half that; a query sums the sizes of the items it returns. To know an
 * updated item's size, an update that asked for no values is sent with {@code ReturnValues=ALL_NEW} (the callers
 * that asked for none ignore the answer).
 */
public final class AwsRequestMeter implements ExecutionInterceptor {
    /** The table's global secondary indexes, as the hash-key attribute each item carries when it is indexed. */
    private static final java.util.List<String> GSI_KEYS = java.util.List.of("active", "tenant_id");

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> dynamoDbByItem = new ConcurrentHashMap<>();
    private final Map<String, DoubleAdder> unitsByItem = new ConcurrentHashMap<>();
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("sagesync.meter.started");
    private final Map<String, LongAdder> nanosByThread = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> callsByThread = new ConcurrentHashMap<>();
    private final DoubleAdder readUnits = new DoubleAdder();
    private final DoubleAdder writeUnits = new DoubleAdder();

    /** A point-in-time copy of the counts. */
    public record Counts(Map<String, Long> requests, double readUnits, double writeUnits) {
        /** Requests to one service (the SDK's service name: DynamoDB, Sqs, SecretsManager). */
        public long service(String name) {
            return requests.entrySet().stream().filter(e -> e.getKey().startsWith(name + "."))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        /** Requests of one operation, e.g. {@code SecretsManager.GetSecretValue}. */
        public long operation(String serviceDotOperation) {
            return requests.getOrDefault(serviceDotOperation, 0L);
        }

        /** What happened since {@code before}. */
        public Counts minus(Counts before) {
            Map<String, Long> delta = new TreeMap<>();
            requests.forEach((k, v) -> {
                long d = v - before.requests.getOrDefault(k, 0L);
                if (d != 0) {
                    delta.put(k, d);
                }
            });
            return new Counts(delta, readUnits - before.readUnits, writeUnits - before.writeUnits);
        }
    }

    public Counts snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        requests.forEach((k, v) -> copy.put(k, v.sum()));
        return new Counts(copy, readUnits.sum(), writeUnits.sum());
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (context.request() instanceof UpdateItemRequest u
                && (u.returnValues() == null || u.returnValues() == ReturnValue.NONE)) {
            return u.toBuilder().returnValues(ReturnValue.ALL_NEW).build();
        }
        return context.request();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    /**
     * Wall time spent waiting for AWS (the emulators) by calling thread and service, e.g. {@code esm-sync DynamoDb}:
     * where a function's time goes, and whether it is on the job's path or on a background thread.
     */
    public Map<String, Double> waitMillisByThread() {
        Map<String, Double> copy = new TreeMap<>();
        nanosByThread.forEach((k, v) -> copy.put(k, v.sum() / 1e6));
        return copy;
    }

    /** Requests by calling thread and service (the counts behind {@link #waitMillisByThread()}). */
    public Map<String, Long> callsByThread() {
        Map<String, Long> copy = new TreeMap<>();
        callsByThread.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    private void time(ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        if (started == null) {
            return;
        }
        String key = io.sagesync.testkit.ThreadPools.poolOf(Thread.currentThread()) + " "
                + attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        nanosByThread.computeIfAbsent(key, k -> new LongAdder()).add(System.nanoTime() - started);
        callsByThread.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String key = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        requests.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        time(attributes);
        double units = price(context.request(), context.response());
        String item = switch (context.request()) {
            case GetItemRequest g -> "GetItem " + kind(g.key());
            case PutItemRequest p -> "PutItem " + kind(p.item());
            case UpdateItemRequest u -> "UpdateItem " + kind(u.key());
            case DeleteItemRequest d -> "DeleteItem " + kind(d.key());
            case QueryRequest q -> "Query " + (q.indexName() == null ? "table" : q.indexName());
            default -> null;
        };
        if (item != null) {
            dynamoDbByItem.computeIfAbsent(item, k -> new LongAdder()).increment();
            unitsByItem.computeIfAbsent(item, k -> new DoubleAdder()).add(units);
        }
    }

    /** Request units (RRU for reads, WRU for writes) by operation and item kind. */
    public Map<String, Double> unitsByItem() {
        Map<String, Double> copy = new TreeMap<>();
        unitsByItem.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** DynamoDB requests by operation and item kind (the partition key up to its first '#' or ':'). */
    public Map<String, Long> dynamoDbByItem() {
        Map<String, Long> copy = new TreeMap<>();
        dynamoDbByItem.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    private static String kind(Map<String, AttributeValue> key) {
        AttributeValue pk = key.get("pk");
        if (pk == null || pk.s() == null) {
            return "?";
        }
        String s = pk.s();
        int cut = s.length();
        for (char c : new char[] {'#', ':'}) {
            int i = s.indexOf(c);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        AttributeValue sk = key.get("sk");
        String skKind = sk == null || sk.s() == null ? "" : "/" + sk.s().replaceAll("[#:].*", "");
        return s.substring(0, cut) + skKind;
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        time(attributes);
        // a conditional write that fails still consumes write capacity (at least one unit)
        SdkRequest r = context.request();
        if (r instanceof PutItemRequest || r instanceof UpdateItemRequest || r instanceof DeleteItemRequest) {
            writeUnits.add(1);
        } else if (r instanceof GetItemRequest) {
            readUnits.add(0.5);
        }
    }

    /** Adds the request's units to the totals and returns them. */
    private double price(SdkRequest request, Object response) {
        double read = 0;
        double write = 0;
        if (request instanceof GetItemRequest g && response instanceof GetItemResponse r) {
            read = readUnits(r.hasItem() ? size(r.item()) : 0, Boolean.TRUE.equals(g.consistentRead()));
        } else if (request instanceof QueryRequest q && response instanceof QueryResponse r) {
            long bytes = r.items().stream().mapToLong(AwsRequestMeter::size).sum();
            read = readUnits(bytes, Boolean.TRUE.equals(q.consistentRead()));
        } else if (request instanceof PutItemRequest p) {
            write = writeUnits(size(p.item())) * (1 + indexesOf(p.item(), null));
        } else if (request instanceof UpdateItemRequest u && response instanceof UpdateItemResponse r) {
            Map<String, AttributeValue> after = r.hasAttributes() ? r.attributes() : Map.of();
            write = writeUnits(size(after)) * (1 + indexesOf(after, u.updateExpression()));
        } else if (request instanceof DeleteItemRequest) {
            write = 1;
        }
        readUnits.add(read);
        writeUnits.add(write);
        return read + write;
    }

    /** GSIs touched: the item carries the index's key, or the update expression sets or removes it. */
    private static int indexesOf(Map<String, AttributeValue> item, String updateExpression) {
        int n = 0;
        for (String key : GSI_KEYS) {
            if (item.containsKey(key) || updateExpression != null && updateExpression.contains(key)) {
                n++;
            }
        }
        return n;
    }

    static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / 4096.0));
        return consistent ? units : units / 2;
    }

    static double writeUnits(long bytes) {
        return Math.max(1, Math.ceil(bytes / 1024.0));
    }

    /** DynamoDB's item size: UTF-8 names plus values (numbers approximated as their digits / 2 + 1). */
    static long size(Map<String, AttributeValue> item) {
        long total = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            total += utf8(e.getKey()) + size(e.getValue());
        }
        return total;
    }

    private static long size(AttributeValue v) {
        return switch (v.type()) {
            case S -> utf8(v.s());
            case N -> v.n().length() / 2 + 1;
            case B -> v.b().asByteArray().length;
            case BOOL, NUL -> 1;
            case SS -> v.ss().stream().mapToLong(AwsRequestMeter::utf8).sum();
            case NS -> v.ns().stream().mapToLong(n -> n.length() / 2 + 1).sum();
            case BS -> v.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
            case M -> 3 + size(v.m()) + v.m().size();
            case L -> 3 + sizeOf(v.l()) + v.l().size();
            case UNKNOWN_TO_SDK_VERSION -> 0;
        };
    }

    private static long sizeOf(Collection<AttributeValue> values) {
        return values.stream().mapToLong(AwsRequestMeter::size).sum();
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
