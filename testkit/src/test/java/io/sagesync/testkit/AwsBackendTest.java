package io.sagesync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AwsBackendTest {

    @Test
    void nothingSet_meansTheEmulators() {
        assertThat(AwsBackend.from(null, null)).isEqualTo(AwsBackend.EMULATORS);
        assertThat(AwsBackend.from(" ", "")).isEqualTo(AwsBackend.EMULATORS);
    }

    @Test
    void localstack_isSelectedByThePropertyOrTheEnvironmentVariable() {
        assertThat(AwsBackend.from("localstack", null)).isEqualTo(AwsBackend.LOCALSTACK);
        assertThat(AwsBackend.from(null, "localstack")).isEqualTo(AwsBackend.LOCALSTACK);
        assertThat(AwsBackend.from(" LocalStack ", null)).isEqualTo(AwsBackend.LOCALSTACK);
    }

    @Test
    void emulators_canBeNamedExplicitly() {
        assertThat(AwsBackend.from("emulators", null)).isEqualTo(AwsBackend.EMULATORS);
        assertThat(AwsBackend.from(null, "EMULATORS")).isEqualTo(AwsBackend.EMULATORS);
    }

    @Test
    void theSystemProperty_winsOverTheEnvironmentVariable() {
        assertThat(AwsBackend.from("emulators", "localstack")).isEqualTo(AwsBackend.EMULATORS);
        assertThat(AwsBackend.from("localstack", "emulators")).isEqualTo(AwsBackend.LOCALSTACK);
    }

    @Test
    void anUnknownValue_failsNamingTheSettingAndTheChoices_insteadOfFallingBack() {
        assertThatThrownBy(() -> AwsBackend.from("docker", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown AWS environment 'docker' in -Dsagesync.aws; use one of: emulators, localstack");
        assertThatThrownBy(() -> AwsBackend.from(null, "moto"))
                .hasMessage("unknown AWS environment 'moto' in SAGESYNC_AWS; use one of: emulators, localstack");
    }

    @Test
    void theLocalStackImage_isPinnedToAnExact4xTag() {
        assertThat(LocalStackEnvironment.IMAGE).matches("localstack/localstack:4\\.\\d+\\.\\d+");
        assertThat(AwsBackend.LOCALSTACK.description()).contains(LocalStackEnvironment.IMAGE);
    }
}
