package io.sagesync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The front door's pure rules: where sign-in may send you, and what counts as our own origin. */
class ConsoleWebTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "//evil.example", "/dashboard//evil.example",
        "/dashboard/\\evil", "/other", "/dashboard/sign-in", "javascript:alert(1)", ""})
    void signIn_neverRedirectsOutsideTheConsole(String next) {
        assertThat(ConsoleWeb.safeNext(next)).isEqualTo("/dashboard");
    }

    @Test
    void signIn_returnsToTheConsolePageAsked() {
        assertThat(ConsoleWeb.safeNext("/dashboard/runs/abc")).isEqualTo("/dashboard/runs/abc");
        assertThat(ConsoleWeb.safeNext(null)).isEqualTo("/dashboard");
    }

    @Test
    void ourOrigin_isTheForwardedSchemeAndHost() {
        var ours = request(Map.of("origin", "https://api.example", "host", "api.example"));
        var local = request(Map.of("origin", "http://127.0.0.1:3000", "host", "127.0.0.1:3000",
                "x-forwarded-proto", "http"));
        var downgraded = request(Map.of("origin", "http://api.example", "host", "api.example"));
        assertThat(ConsoleWeb.sameOrigin(ours)).isTrue();
        assertThat(ConsoleWeb.sameOrigin(local)).isTrue();
        assertThat(ConsoleWeb.sameOrigin(downgraded)).isFalse();
    }

    @Test
    void theShopOrigin_forFrameAncestors_dropsPathAndTrailingSlash() {
        assertThat(ConsoleComposition.origin("https://shop.example.com/magento/")).isEqualTo(
                "https://shop.example.com");
        assertThat(ConsoleComposition.origin("http://127.0.0.1:8080")).isEqualTo("http://127.0.0.1:8080");
        assertThat(ConsoleComposition.origin("")).isEmpty();
        assertThat(ConsoleComposition.origin("not a url")).isEmpty();
    }

    private static WebRequest request(Map<String, String> headers) {
        return new WebRequest("POST", "/dashboard/redrive", Map.of(), headers, Map.of(), Map.of(), "");
    }
}
