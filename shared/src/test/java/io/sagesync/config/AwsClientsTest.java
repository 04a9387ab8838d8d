package io.sagesync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The cold-start choices of {@link AwsClients}: no default chains walked on Lambda, KMS built on first use only. */
class AwsClientsTest {

    @Test
    void snapStart_usesTheContainerCredentials_evenWhenKeysAreAlsoSet() {
        assertThat(AwsClients.credentials(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/creds",
                "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"))).isInstanceOf(ContainerCredentialsProvider.class);
    }

    @Test
    void lambdaWithoutSnapStart_localModeAndTests_useTheKeyVariables() {
        assertThat(AwsClients.credentials(Map.of("AWS_ACCESS_KEY_ID", "test")))
                .isInstanceOf(EnvironmentVariableCredentialsProvider.class);
    }

    @Test
    void elsewhere_theDefaultChainDecides() {
        assertThat(AwsClients.credentials(Map.of("AWS_ACCESS_KEY_ID", " ")))
                .isInstanceOf(DefaultCredentialsProvider.class);
    }

    @Test
    void region_isAwsRegion_orLeftToTheSdkWhenUnset() {
        assertThat(AwsClients.region(Map.of("AWS_REGION", "eu-west-2"))).isEqualTo(Region.EU_WEST_2);
        assertThat(AwsClients.region(Map.of())).isNull();
    }

    @Test
    void everyClient_getsTheRegion_andKmsIsBuiltOnceWhenFirstAskedFor() {
        AwsClients aws = AwsClients.fromEnvironment(Map.of("AWS_REGION", "eu-west-2", "AWS_ACCESS_KEY_ID", "test"),
                List.of());

        assertThat(aws.dynamoDb().serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_2);
        assertThat(aws.sqs().serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_2);
        assertThat(aws.secretsManager().serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_2);
        assertThat(aws.kms()).isSameAs(aws.kms());
        assertThat(aws.kms().serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_2);
    }
}
