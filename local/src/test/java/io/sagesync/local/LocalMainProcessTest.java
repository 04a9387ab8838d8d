package io.sagesync.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.testkit.AwsBackend;
import io.sagesync.testkit.TemplateResources;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code make local} as a user runs it: a separate JVM that prints the ready line, writes the manifest, and on
 * SIGTERM stops cleanly, leaving no process behind (moto is a child process) and no manifest. The child always runs
 * on the default emulators, even under {@code make test-localstack}: what is checked here is moto's child-process
 * lifecycle; LocalStack's container is stopped by the same {@code close()} or else by Testcontainers' reaper.
 */
class LocalMainProcessTest {

    @Test
    void localMain_becomesReady_andSigtermLeavesNothingBehind() throws Exception {
        Path workDir = Files.createTempDirectory("sagesync-local");
        int port = LocalModeIntegrationTest.freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Dsagesync.template=" + TemplateResources.findTemplate(),
                "-D" + AwsBackend.PROPERTY + "=" + AwsBackend.EMULATORS.id(),
                "-cp", System.getProperty("java.class.path"), LocalMain.class.getName())
                .directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().put("SAGESYNC_PORT", Integer.toString(port));
        pb.environment().put("SAGESYNC_DEMO", "0");
        Process process = pb.start();
        try {
            String ready = awaitLine(process, "sagesync local ready on ");
            assertThat(ready).contains("http://127.0.0.1:" + port);
            assertThat(workDir.resolve(".sagesync-local.json")).exists();
            List<ProcessHandle> children = process.descendants().toList();
            assertThat(children).as("moto_server runs as a child").isNotEmpty();

            process.destroy(); // SIGTERM

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
                assertThat(child.isAlive()).as("child %s", child.pid()).isFalse();
            }
            assertThat(workDir.resolve(".sagesync-local.json")).doesNotExist();
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static String awaitLine(Process process, String prefix) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith(prefix)) {
                // keep draining so the child never blocks on a full pipe
                Thread.ofPlatform().daemon(true).start(() -> out.lines().forEach(l -> { }));
                return line;
            }
        }
        throw new AssertionError("no ready line; output was:\n" + seen);
    }
}
