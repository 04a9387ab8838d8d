package io.sagesync.local.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * Prices a benchmark's AWS request counts per 10,000 invoices at list prices for eu-west-2 (London), arm64, on-demand,
 * beyond the free tier. The prices are constants here and in docs/benchmarks.md with the date they were taken; check
 * them against the AWS pricing pages before quoting a merchant.
 */
public final class AwsCost {
    /** Lambda arm64 duration, USD per GB-second (first tier). */
    public static final double LAMBDA_GB_SECOND = 0.0000133334;
    /** Lambda requests, USD per invocation ($0.20 per million). */
    public static final double LAMBDA_REQUEST = 0.20 / 1e6;
    /** DynamoDB on-demand, Standard table class, USD per write request unit ($0.7425 per million, London). */
    public static final double DYNAMODB_WRU = 0.7425 / 1e6;
    /** DynamoDB on-demand, USD per read request unit ($0.1485 per million, London). */
    public static final double DYNAMODB_RRU = 0.1485 / 1e6;
    /** SQS FIFO requests, USD per request ($0.50 per million; each 64 KB chunk is a request). */
    public static final double SQS_FIFO_REQUEST = 0.50 / 1e6;
    /** SQS standard requests, USD per request ($0.40 per million). */
    public static final double SQS_STANDARD_REQUEST = 0.40 / 1e6;
    /** Secrets Manager API calls, USD per call ($0.05 per 10,000). */
    public static final double SECRETS_CALL = 0.05 / 1e4;
    /** KMS requests, USD per request ($0.03 per 10,000): each GetSecretValue decrypts with the stack's CMK. */
    public static final double KMS_REQUEST = 0.03 / 1e4;
    /** API Gateway HTTP API, USD per request (first 300 M: $1.11 per million in London). */
    public static final double HTTP_API_REQUEST = 1.11 / 1e6;

    private AwsCost() {
    }

    /** MemorySize per function as set in template.yaml (MB); the benchmark bills handler time at these. */
    public static Map<String, Integer> memoryFromTemplate() {
        Map<String, Integer> m = new TreeMap<>();
        m.put("webhook", Integer.getInteger("mem.webhook", 512));
        m.put("sync", Integer.getInteger("mem.sync", 512));
        m.put("push", Integer.getInteger("mem.push", 512));
        return m;
    }

    /**
     * The cost table: per invoice counts and USD per 10,000 invoices. SQS requests to the FIFO sync queue cannot be
     * told apart from the standard push/retry queues at the SDK, so all SQS requests are priced at the FIFO rate
     * (the higher one).
     */
    public static String report(int invoices, AwsRequestMeter.Counts aws, long invocations, double gbSeconds) {
        double per10k = 10_000.0 / invoices;
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-44s %14s %14s%n", "item (per 10,000 invoices)", "count", "USD"));
        double total = 0;
        total += line(out, "Lambda invocations", invocations * per10k, LAMBDA_REQUEST);
        total += line(out, "Lambda GB-seconds (handler time x MemorySize)", gbSeconds * per10k, LAMBDA_GB_SECOND);
        total += line(out, "DynamoDB write request units", aws.writeUnits() * per10k, DYNAMODB_WRU);
        total += line(out, "DynamoDB read request units", aws.readUnits() * per10k, DYNAMODB_RRU);
        total += line(out, "SQS requests", aws.service("Sqs") * per10k, SQS_FIFO_REQUEST);
        long secretReads = aws.operation("SecretsManager.GetSecretValue");
        total += line(out, "Secrets Manager calls", aws.service("SecretsManager") * per10k, SECRETS_CALL);
        total += line(out, "KMS decrypts (one per secret read)", secretReads * per10k, KMS_REQUEST);
        total += line(out, "HTTP API requests (one per webhook)", 10_000, HTTP_API_REQUEST);
        out.append(String.format("%-44s %14s %14.4f%n", "total", "", total));
        return out.toString();
    }

    private static double line(StringBuilder out, String what, double count, double unitPrice) {
        double usd = count * unitPrice;
        out.append(String.format("%-44s %14.1f %14.4f%n", what, count, usd));
        return usd;
    }
}
