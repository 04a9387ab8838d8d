package io.sagesync.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The tables, queues and secrets declared in {@code template.yaml}, read from the template itself so that tests and
 * local mode create exactly what a deployed stack has (key schema, TTL attribute, FIFO flags, visibility timeouts,
 * redrive policies). Intrinsic-function tags ({@code !GetAtt X.Arn}) arrive as their scalar text.
 *
 * @param tables  DynamoDB tables
 * @param queues  SQS queues, dead-letter targets first
 * @param secrets Secrets Manager secrets (logical ids)
 */
public record TemplateResources(List<Table> tables, List<Queue> queues, List<String> secrets) {

    /** A DynamoDB table: hash/range key names (all string-typed in sagesync) and the TTL attribute. */
    public record Table(String logicalId, String hashKey, String rangeKey, String ttlAttribute,
                        List<Index> indexes) {
        public Table(String logicalId, String hashKey, String rangeKey, String ttlAttribute) {
            this(logicalId, hashKey, rangeKey, ttlAttribute, List.of());
        }
    }

    /** A global secondary index with string keys and every attribute projected (what the template declares). */
    public record Index(String name, String hashKey, String rangeKey) {
    }

    /** An SQS queue and its redrive policy ({@code deadLetterTarget} is a logical id, or null). */
    public record Queue(String logicalId, boolean fifo, boolean contentBasedDeduplication, int visibilityTimeout,
                        String deadLetterTarget, int maxReceiveCount) {
        /** The local queue name: the logical id, with the {@code .fifo} suffix SQS requires for FIFO queues. */
        public String name() {
            return fifo ? logicalId + ".fifo" : logicalId;
        }
    }

    public static TemplateResources load(Path template) {
        JsonNode resources;
        try {
            resources = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(template)).path("Resources");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + template, e);
        }
        List<Table> tables = new ArrayList<>();
        List<Queue> queues = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode props = e.getValue().path("Properties");
            switch (e.getValue().path("Type").asText()) {
                case "AWS::DynamoDB::Table" -> tables.add(table(e.getKey(), props));
                case "AWS::SQS::Queue" -> queues.add(queue(e.getKey(), props));
                case "AWS::SecretsManager::Secret" -> secrets.add(e.getKey());
                default -> {
                }
            }
        }
        // dead-letter queues must exist before the queues that redrive into them
        queues.sort((a, b) -> Boolean.compare(a.deadLetterTarget() != null, b.deadLetterTarget() != null));
        return new TemplateResources(List.copyOf(tables), List.copyOf(queues), List.copyOf(secrets));
    }

    private static Table table(String id, JsonNode props) {
        String hash = null;
        String range = null;
        for (JsonNode k : props.path("KeySchema")) {
            if ("HASH".equals(k.path("KeyType").asText())) {
                hash = k.path("AttributeName").asText();
            } else {
                range = k.path("AttributeName").asText();
            }
        }
        JsonNode ttl = props.path("TimeToLiveSpecification");
        List<Index> indexes = new ArrayList<>();
        for (JsonNode gsi : props.path("GlobalSecondaryIndexes")) {
            String gsiHash = null;
            String gsiRange = null;
            for (JsonNode k : gsi.path("KeySchema")) {
                if ("HASH".equals(k.path("KeyType").asText())) {
                    gsiHash = k.path("AttributeName").asText();
                } else {
                    gsiRange = k.path("AttributeName").asText();
                }
            }
            indexes.add(new Index(gsi.path("IndexName").asText(), gsiHash, gsiRange));
        }
        return new Table(id, hash, range,
                ttl.path("Enabled").asBoolean(false) ? ttl.path("AttributeName").asText() : null,
                List.copyOf(indexes));
    }

    private static Queue queue(String id, JsonNode props) {
        JsonNode redrive = props.path("RedrivePolicy");
        String target = redrive.isMissingNode() ? null
                : redrive.path("deadLetterTargetArn").asText().replace(".Arn", "");
        return new Queue(id, props.path("FifoQueue").asBoolean(false),
                props.path("ContentBasedDeduplication").asBoolean(false),
                props.path("VisibilityTimeout").asInt(30), target, redrive.path("maxReceiveCount").asInt(0));
    }

    public Queue queue(String logicalId) {
        return queues.stream().filter(q -> q.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no queue " + logicalId + " in template.yaml"));
    }

    /**
     * The system property {@code sagesync.template} if set; otherwise walks up from the working directory to the
     * repository root (the directory holding template.yaml and pom.xml).
     */
    public static Path findTemplate() {
        String explicit = System.getProperty("sagesync.template");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.isRegularFile(candidate) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
    }
}
