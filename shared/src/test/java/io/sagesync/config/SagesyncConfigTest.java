package io.sagesync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SagesyncConfigTest {
    private static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put(EnvNames.TENANT_ID, "tenant-1");
        env.put(EnvNames.TABLE_NAME, "table");
        return env;
    }

    @Test
    void missingTenant_failsNamingTheVariable() {
        Map<String, String> env = minimal();
        env.remove(EnvNames.TENANT_ID);

        assertThatThrownBy(() -> SagesyncConfig.fromEnv(env))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SAGESYNC_TENANT_ID");
    }

    @Test
    void requiredQueueUrl_missingOrBlank_failsAtStartNamingTheVariable() {
        Map<String, String> env = minimal();
        env.put(EnvNames.SYNC_QUEUE_URL, "  ");
        SagesyncConfig config = SagesyncConfig.fromEnv(env);

        assertThatThrownBy(() -> config.require(EnvNames.TENANT_SECRET_ID))
                .hasMessage("SAGESYNC_TENANT_SECRET_ID is required");
        assertThatThrownBy(() -> config.require(EnvNames.SYNC_QUEUE_URL))
                .hasMessage("SAGESYNC_SYNC_QUEUE_URL is required");
    }

    @Test
    void requiredSettingsPresent_passThrough() {
        Map<String, String> env = minimal();
        env.put(EnvNames.PUSH_QUEUE_URL, "http://queue/push");
        env.put(EnvNames.TENANT_SECRET_ID, "TenantSecret");
        SagesyncConfig config = SagesyncConfig.fromEnv(env);

        assertThat(config.require(EnvNames.PUSH_QUEUE_URL, EnvNames.TENANT_SECRET_ID)).isSameAs(config);
    }

    @Test
    void aNameThatIsNoSetting_isAProgrammingError() {
        SagesyncConfig config = SagesyncConfig.fromEnv(minimal());

        assertThatThrownBy(() -> config.require(EnvNames.SAGE_CLIENT_ID))
                .hasMessageContaining("is not a SagesyncConfig setting");
    }
}
