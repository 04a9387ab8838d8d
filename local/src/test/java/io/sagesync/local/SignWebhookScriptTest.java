package io.sagesync.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** scripts/sign-webhook.sh (bash + openssl, for curl users) signs exactly as the Magento module does. */
class SignWebhookScriptTest {
    /** The wire contract's worked outbound token (§c), for the test key, tenant, iat and jti below. */
    static final String CONTRACT_OUTBOUND_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJtYWdlbnRvIiwic3ViIjoiM"
            + "TExMTExMTEtMjIyMi00MzMzLTg0NDQtNTU1NTU1NTU1NTU1IiwiYXVkIjoiYnl0ZTgtbGVkZ2VyIiwiaWF0IjoxNzY3MjI1NjAwLCJuY"
            + "mYiOjE3NjcyMjU2MDAsImV4cCI6MTc2NzIyNTY2MCwianRpIjoiNmYxYzJhM2ItNGQ1ZS00ZjYwLThhN2ItOWMwZDFlMmYzYTRiIn0."
            + "PDJuUpKBr46Ke1D1qXVbnZ5U-1HEeI3SHg8joWIRLyo";

    @Test
    void script_reproducesTheContractsWorkedToken_byteForByte() throws Exception {
        String token = run(Map.of("SAGESYNC_TENANT_ID", "11111111-2222-4333-8444-555555555555",
                "SAGESYNC_API_KEY", "test-master-api-key-0123456789abcdef",
                "SAGESYNC_TOKEN_IAT", "1767225600",
                "SAGESYNC_TOKEN_JTI", "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"));

        assertThat(token).isEqualTo(CONTRACT_OUTBOUND_TOKEN);
    }

    @Test
    void script_mintsAFreshJtiEachTime() throws Exception {
        String a = run(Map.of());
        String b = run(Map.of());

        assertThat(a.split("\\.")).hasSize(3);
        assertThat(a).isNotEqualTo(b);
    }

    private static String run(Map<String, String> env) throws IOException, InterruptedException {
        Path script = Path.of("..", "scripts", "sign-webhook.sh").toAbsolutePath().normalize();
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
