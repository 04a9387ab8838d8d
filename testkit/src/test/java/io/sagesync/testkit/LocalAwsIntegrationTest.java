package io.sagesync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@ExtendWith(LocalAwsExtension.class)
class LocalAwsIntegrationTest {

    @Test
    void template_declaresTheResourcesTheFunctionsUse() {
        TemplateResources resources = TemplateResources.load(TemplateResources.findTemplate());

        assertThat(resources.tables()).singleElement().satisfies(t -> {
            assertThat(t.hashKey()).isEqualTo("pk");
            assertThat(t.rangeKey()).isEqualTo("sk");
            assertThat(t.ttlAttribute()).isEqualTo("expires_at");
        });
        assertThat(resources.queue("SyncQueue").fifo()).isTrue();
        assertThat(resources.queue("SyncQueue").deadLetterTarget()).isEqualTo("SyncDeadLetterQueue");
        assertThat(resources.queue("SyncQueue").maxReceiveCount()).isGreaterThanOrEqualTo(5);
        assertThat(resources.queue("PushQueue").deadLetterTarget()).isEqualTo("PushDeadLetterQueue");
        assertThat(resources.secrets()).contains("TenantSecret", "SageSecret");
    }

    @Test
    void start_createsTablesQueuesAndSecretsAsDeclared(LocalAws aws) {
        var sqs = aws.adminClients().sqs();
        var attrs = sqs.getQueueAttributes(b -> b.queueUrl(aws.queueUrl("SyncQueue"))
                .attributeNames(QueueAttributeName.ALL)).attributes();
        assertThat(attrs.get(QueueAttributeName.FIFO_QUEUE)).isEqualTo("true");
        assertThat(attrs.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("360");
        assertThat(attrs.get(QueueAttributeName.REDRIVE_POLICY)).contains("SyncDeadLetterQueue.fifo");

        var ttl = aws.adminClients().dynamoDb().describeTimeToLive(b -> b.tableName(aws.tableName()));
        assertThat(ttl.timeToLiveDescription().attributeName()).isEqualTo("expires_at");

        aws.putTenantApiKey("k-1");
        assertThat(aws.adminClients().secretsManager().getSecretValue(b -> b.secretId("TenantSecret"))
                .secretString()).isEqualTo("{\"api_key\":\"k-1\"}");
    }

    @Test
    void faults_failTheNamedOperationOnlyTheGivenNumberOfTimes(LocalAws aws) {
        var clients = aws.clients();
        aws.faults().failNext("PutItem", 1);
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("T#1"), "sk", AttributeValue.fromS("T"));

        assertThatThrownBy(() -> clients.dynamoDb().putItem(b -> b.tableName(aws.tableName()).item(item)))
                .isInstanceOf(SdkClientException.class).hasMessageContaining("injected fault");
        clients.dynamoDb().putItem(b -> b.tableName(aws.tableName()).item(item));

        assertThat(aws.adminClients().dynamoDb().getItem(b -> b.tableName(aws.tableName()).key(item)).hasItem())
                .isTrue();
    }
}
