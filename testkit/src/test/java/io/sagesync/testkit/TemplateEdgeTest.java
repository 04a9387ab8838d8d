package io.sagesync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The deployed edge as template.yaml declares it (issue 9 item 9 and the parameter check of item 10): throttling and
 * access logs on the HTTP API, a tight limit on the public OAuth callback, log retention and reserved concurrency on
 * every function, DynamoDB access confined by leading keys, the customer-managed key on every secret and the table,
 * and a MagentoBaseUrl that must be https without credentials. (cfn-lint checks the syntax; this checks intent.)
 */
class TemplateEdgeTest {
    private final JsonNode template = load();
    private final JsonNode resources = template.path("Resources");

    @Test
    void httpApi_isThrottled_logsAccess_andTheOAuthCallbackHasItsOwnLowLimit() {
        JsonNode api = resources.path("HttpApi").path("Properties");
        assertThat(api.path("DefaultRouteSettings").path("ThrottlingRateLimit").asInt()).isPositive();
        assertThat(api.path("DefaultRouteSettings").path("ThrottlingBurstLimit").asInt()).isPositive();
        assertThat(api.path("AccessLogSettings").path("DestinationArn").asText()).contains("HttpApiAccessLogs");
        assertThat(api.path("AccessLogSettings").path("Format").asText()).contains("$context.status");
        JsonNode callback = api.path("RouteSettings").path("GET /sage/oauth/callback");
        assertThat(callback.path("ThrottlingRateLimit").asInt())
                .isPositive().isLessThan(api.path("DefaultRouteSettings").path("ThrottlingRateLimit").asInt());
        assertThat(resources.path("HttpApiAccessLogs").path("Properties").has("RetentionInDays")).isTrue();
    }

    @Test
    void everyFunction_logsToAGroupWithRetention_andReservesConcurrency() {
        List<String> functions = ofType("AWS::Serverless::Function");
        assertThat(functions).contains("WebhookFunction", "SyncFunction", "SweeperFunction", "SyncStatePushFunction",
                "AdminFunction");
        for (String name : functions) {
            JsonNode props = resources.path(name).path("Properties");
            String group = props.path("LoggingConfig").path("LogGroup").asText();
            assertThat(group).as(name + " log group").isNotBlank();
            JsonNode logGroup = resources.path(group.replace("!Ref ", "").trim());
            assertThat(logGroup.path("Type").asText()).as(name).isEqualTo("AWS::Logs::LogGroup");
            assertThat(logGroup.path("Properties").has("RetentionInDays")).as(name + " retention").isTrue();
            assertThat(props.has("ReservedConcurrentExecutions")).as(name + " reserved concurrency").isTrue();
        }
    }

    @Test
    void theWorkersDynamoDbAccess_isConfinedToTheirKeyPrefixes() {
        for (String name : List.of("WebhookFunction", "SyncFunction", "SyncStatePushFunction")) {
            for (JsonNode statement : statements(name)) {
                if (statement.path("Action").toString().contains("dynamodb:")) {
                    assertThat(statement.path("Condition").path("ForAllValues:StringLike").path("dynamodb:LeadingKeys")
                            .isArray()).as(name + " " + statement.path("Action")).isTrue();
                }
            }
        }
        assertThat(statements("SyncFunction").toString()).as("no unused Query").doesNotContain("dynamodb:Query");
    }

    @Test
    void adminAndConsole_too_reachTheTableOnlyThroughTheirKeyPrefixes_exceptTheReplayScanAndTheIndexQuery() {
        for (String name : List.of("AdminFunction", "ConsoleFunction")) {
            for (JsonNode statement : statements(name)) {
                String actions = statement.path("Action").toString();
                if (!actions.contains("dynamodb:")) {
                    continue;
                }
                if (actions.equals("\"dynamodb:Scan\"") || actions.equals("\"dynamodb:Query\"")) {
                    // a scan has no leading key; an index query's leading key is the index's, not the table's
                    assertThat(statement.toString()).as(name).doesNotContain("dynamodb:GetItem");
                    if (actions.contains("Query")) {
                        assertThat(statement.path("Resource").toString()).contains("/index/")
                                .doesNotContain("SagesyncTable.Arn\"");
                    }
                    continue;
                }
                assertThat(leadingKeys(statement)).as(name + " " + actions).isNotEmpty()
                        .contains("SAGE_TOKENS", "BINDING").doesNotContain("*");
            }
        }
        for (String name : ofType("AWS::Serverless::Function")) {
            assertThat(statements(name).toString()).as(name + ": the refresh lease lives in the token item")
                    .doesNotContain("LEASE#");
        }
    }

    @Test
    void theSageTokens_areNoLongerWrittenToSecretsManager_andTheirKmsUseIsConfinedToTheTokenRecord() {
        assertThat(template.path("Globals").path("Function").path("Environment").path("Variables")
                .path("SAGESYNC_KMS_KEY_ID").asText()).contains("SagesyncKey");
        for (String name : ofType("AWS::Serverless::Function")) {
            boolean tokenUser = List.of("SyncFunction", "AdminFunction", "ConsoleFunction").contains(name);
            boolean directKms = false;
            for (JsonNode statement : statements(name)) {
                String actions = statement.path("Action").toString();
                if (actions.contains("secretsmanager:PutSecretValue")) {
                    assertThat(statement.path("Resource").toString()).as(name + " writes only the api_key")
                            .contains("TenantSecret").doesNotContain("SageSecret");
                }
                if (actions.contains("kms:") && !statement.path("Condition").path("StringEquals")
                        .has("kms:ViaService")) {
                    directKms = true;
                    assertThat(statement.path("Condition").path("StringEquals")
                            .path("kms:EncryptionContext:sagesync_record").asText()).as(name)
                            .isEqualTo("SAGE_TOKENS");
                    assertThat(actions).contains("kms:GenerateDataKey", "kms:Decrypt").doesNotContain("kms:*");
                }
                if (actions.contains("kms:GenerateDataKey") && statement.path("Condition").path("StringEquals")
                        .has("kms:ViaService")) {
                    assertThat(name).as("a data key via Secrets Manager is only needed to put a secret")
                            .isIn("AdminFunction", "ConsoleFunction");
                }
            }
            assertThat(directKms).as(name + " uses KMS directly").isEqualTo(tokenUser);
        }
    }

    private static List<String> leadingKeys(JsonNode statement) {
        List<String> keys = new ArrayList<>();
        statement.path("Condition").path("ForAllValues:StringLike").path("dynamodb:LeadingKeys")
                .forEach(k -> keys.add(k.asText()));
        return keys;
    }

    @Test
    void everyFunctionThatMovesARun_mayWriteTheGaugeItems_andTheWorkerTheReconciliationItems() {
        // GaugedRunStore writes STATS (counters) and GAUGE (members) after every run transition; the sync worker
        // also writes RECON (one item per posted document). A missing prefix is an AccessDenied in AWS only, where
        // the gauge write is logged and swallowed: nothing local would notice.
        for (String name : List.of("WebhookFunction", "SyncFunction", "SweeperFunction")) {
            assertThat(leadingKeys(name)).as(name).contains("STATS", "GAUGE");
        }
        assertThat(leadingKeys("SyncFunction")).contains("RECON");
    }

    private List<String> leadingKeys(String function) {
        List<String> keys = new java.util.ArrayList<>();
        for (JsonNode statement : statements(function)) {
            statement.path("Condition").path("ForAllValues:StringLike").path("dynamodb:LeadingKeys")
                    .forEach(k -> keys.add(k.asText()));
        }
        return keys;
    }

    @Test
    void theFifoSyncSource_leavesEveryJobReceivesToSpare_andEveryQueueOutlivesItsConsumersTimeout() {
        JsonNode sync = resources.path("SyncFunction").path("Properties");
        int batchSize = sync.path("Events").path("SyncJobs").path("Properties").path("BatchSize").asInt();
        int maxReceives = resources.path("SyncQueue").path("Properties").path("RedrivePolicy")
                .path("maxReceiveCount").asInt();
        // a job can be left untouched by each of its batch's predecessors (SyncBatch.START_RESERVE), then runs once:
        // batchSize receives at worst, and at least two more must remain for infrastructure failures
        assertThat(batchSize).isBetween(1, 10);
        assertThat(maxReceives).isGreaterThanOrEqualTo(batchSize + 2);
        for (String function : ofType("AWS::Serverless::Function")) {
            JsonNode props = resources.path(function).path("Properties");
            int timeout = props.path("Timeout").asInt(template.path("Globals").path("Function").path("Timeout")
                    .asInt());
            for (JsonNode event : props.path("Events")) {
                if ("SQS".equals(event.path("Type").asText())) {
                    String queue = event.path("Properties").path("Queue").asText().replace(".Arn", "").trim();
                    assertThat(resources.path(queue).path("Properties").path("VisibilityTimeout").asInt())
                            .as(function + " <- " + queue).isGreaterThanOrEqualTo(timeout);
                }
            }
        }
    }

    @Test
    void secretsAndTable_useTheCustomerManagedKey_withRotation() {
        assertThat(resources.path("SagesyncKey").path("Properties").path("EnableKeyRotation").asBoolean()).isTrue();
        for (String secret : ofType("AWS::SecretsManager::Secret")) {
            assertThat(resources.path(secret).path("Properties").path("KmsKeyId").asText()).as(secret)
                    .contains("SagesyncKey");
        }
        JsonNode sse = resources.path("SagesyncTable").path("Properties").path("SSESpecification");
        assertThat(sse.path("SSEType").asText()).isEqualTo("KMS");
        assertThat(sse.path("KMSMasterKeyId").asText()).contains("SagesyncKey");
    }

    @Test
    void magentoBaseUrl_mustBeHttpsWithoutCredentials() {
        Pattern allowed = Pattern.compile(template.path("Parameters").path("MagentoBaseUrl").path("AllowedPattern")
                .asText());
        assertThat(List.of("", "https://shop.example.com", "https://shop.example.com:8443/magento/"))
                .allMatch(u -> allowed.matcher(u).matches());
        assertThat(List.of("http://shop.example.com", "https://user:pass@shop.example.com",
                "https://shop.example.com/@evil", "ftp://shop.example.com", "https://shop.example.com/a b"))
                .noneMatch(u -> allowed.matcher(u).matches());
    }

    private List<JsonNode> statements(String function) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode policy : resources.path(function).path("Properties").path("Policies")) {
            policy.path("Statement").forEach(all::add);
        }
        return all;
    }

    private List<String> ofType(String type) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : resources.properties()) {
            if (type.equals(e.getValue().path("Type").asText())) {
                names.add(e.getKey());
            }
        }
        return names;
    }

    private static JsonNode load() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(TemplateResources.findTemplate()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
