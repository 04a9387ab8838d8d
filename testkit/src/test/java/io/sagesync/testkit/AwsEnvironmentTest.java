package io.sagesync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The switch between the two environments, and the no-Docker message. */
@ExtendWith(LocalAwsExtension.class)
class AwsEnvironmentTest {

    @Test
    void theSharedEnvironment_isTheImplementationOfTheSelectedBackend(LocalAws aws) {
        AwsBackend selected = AwsBackend.selected();

        assertThat(aws.backend()).isEqualTo(selected);
        if (selected == AwsBackend.EMULATORS) {
            assertThat(aws.environment()).isInstanceOf(EmulatorEnvironment.class);
            assertThat(aws.sqsEndpoint()).as("ElasticMQ in this JVM, moto in a child process")
                    .isNotEqualTo(aws.dynamoDbEndpoint());
        } else {
            assertThat(aws.environment()).isInstanceOf(LocalStackEnvironment.class);
            assertThat(aws.sqsEndpoint()).as("one LocalStack edge port").isEqualTo(aws.dynamoDbEndpoint());
        }
        assertThat(aws.secretsManagerEndpoint()).isEqualTo(aws.dynamoDbEndpoint());
    }

    @Test
    void localStack_withoutDocker_failsWithTheDocumentedMessage_beforeCreatingAnyContainer() {
        AtomicBoolean asked = new AtomicBoolean();

        assertThatThrownBy(() -> LocalStackEnvironment.start(() -> {
            asked.set(true);
            return false;
        }, LocalStackEnvironment.IMAGE))
                .isExactlyInstanceOf(DockerUnavailableException.class)
                .hasMessage(DockerUnavailableException.MESSAGE)
                .hasNoCause();
        assertThat(asked).isTrue();
    }

    @Test
    void selectingLocalStack_onAMachineWithoutDocker_givesTheDocumentedMessage() {
        assumeFalse(LocalStackEnvironment.dockerAnswers(), "this machine has Docker: LocalStack would start");

        assertThatThrownBy(() -> LocalAws.start(AwsBackend.LOCALSTACK))
                .isExactlyInstanceOf(DockerUnavailableException.class)
                .hasMessage(DockerUnavailableException.MESSAGE);
    }

    @Test
    void theMessage_isTheOneTheReadmeDocuments_andTheScriptReads() throws Exception {
        Path root = TemplateResources.findTemplate().getParent();
        String resource = Files.readString(root.resolve(
                "testkit/src/main/resources/io/sagesync/testkit/docker-required.txt")).strip();

        assertThat(DockerUnavailableException.MESSAGE).isEqualTo(resource)
                .startsWith("sagesync: the LocalStack environment").contains("needs Docker").doesNotContain("\n");
        assertThat(Files.readString(root.resolve("README.md"))).contains(DockerUnavailableException.MESSAGE);
    }

    @Test
    void theImage_isThePinnedOne_unlessOverridden() {
        String before = System.getProperty(LocalStackEnvironment.IMAGE_PROPERTY);
        try {
            System.clearProperty(LocalStackEnvironment.IMAGE_PROPERTY);
            if (System.getenv(LocalStackEnvironment.IMAGE_VARIABLE) == null) {
                assertThat(LocalStackEnvironment.configuredImage()).isEqualTo(LocalStackEnvironment.IMAGE);
            }
            System.setProperty(LocalStackEnvironment.IMAGE_PROPERTY, "localstack/localstack:2026.06.0");
            assertThat(LocalStackEnvironment.configuredImage()).isEqualTo("localstack/localstack:2026.06.0");
        } finally {
            if (before == null) {
                System.clearProperty(LocalStackEnvironment.IMAGE_PROPERTY);
            } else {
                System.setProperty(LocalStackEnvironment.IMAGE_PROPERTY, before);
            }
        }
    }
}
