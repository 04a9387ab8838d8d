package io.sagesync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code make test-localstack} and {@code make local AWS=localstack} check Docker before Maven starts. They are run
 * for real with Docker made unreachable, and read with {@code make -n} (a dry run: nothing is built or started).
 */
class RequireDockerScriptTest {
    private static final Path ROOT = TemplateResources.findTemplate().getParent();
    /** No engine answers here, whether or not this machine has Docker. */
    private static final Map<String, String> NO_DOCKER =
            Map.of("DOCKER_HOST", "unix:///nonexistent/sagesync-test/docker.sock");

    @Test
    void withoutADockerEngine_theScriptPrintsTheDocumentedMessage_andFails() throws Exception {
        Result r = run(List.of("bash", "scripts/require-docker.sh"), NO_DOCKER);

        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.stderr.strip()).isEqualTo(DockerUnavailableException.MESSAGE);
        assertThat(r.stdout).isEmpty();
    }

    @Test
    void makeTestLocalstack_withoutDocker_saysSoAndFails_beforeMavenStarts() throws Exception {
        // MVN=false: even a broken check could not start a nested build from inside this test
        Result r = run(List.of("make", "--no-print-directory", "test-localstack", "MVN=false"), NO_DOCKER);

        assertThat(r.exitCode).isNotZero();
        assertThat(r.stderr).contains(DockerUnavailableException.MESSAGE);
        assertThat(r.stdout).doesNotContain("sagesync.aws=localstack");
    }

    @Test
    void makeLocalOnLocalstack_withoutDocker_saysSoAndFails_beforeBuilding() throws Exception {
        Result r = run(List.of("make", "--no-print-directory", "local", "AWS=localstack", "MVN=false"), NO_DOCKER);

        assertThat(r.exitCode).isNotZero();
        assertThat(r.stderr).contains(DockerUnavailableException.MESSAGE);
        assertThat(r.stdout).doesNotContain("install");
    }

    @Test
    void makeTestLocalstack_checksDockerFirst_thenRunsTheWholeSuiteWithTheLocalStackProperty() throws Exception {
        List<String> lines = dryRun("test-localstack");

        int check = indexOf(lines, "scripts/require-docker.sh");
        int maven = indexOf(lines, "mvn ");
        assertThat(check).as("docker check in %s", lines).isNotNegative().isLessThan(maven);
        assertThat(lines.get(maven)).contains("-Dsagesync.aws=localstack").contains(" install");
    }

    @Test
    void makeLocalOnLocalstack_checksDockerBeforeBuilding_andPassesTheBackendToLocalMain() throws Exception {
        List<String> lines = dryRun("local", "AWS=localstack");

        int check = indexOf(lines, "scripts/require-docker.sh");
        assertThat(check).as("docker check in %s", lines).isNotNegative().isLessThan(indexOf(lines, "mvn "));
        assertThat(lines.get(indexOf(lines, "io.sagesync.local.LocalMain")))
                .contains("-Dsagesync.aws=localstack");
    }

    @Test
    void makeLocal_byDefault_leavesTheChoiceToTheHarness() throws Exception {
        List<String> lines = dryRun("local");

        assertThat(lines.get(indexOf(lines, "io.sagesync.local.LocalMain"))).doesNotContain("sagesync.aws");
    }

    private static List<String> dryRun(String... targetAndVariables) throws Exception {
        List<String> command = new ArrayList<>(List.of("make", "--no-print-directory", "-n"));
        command.addAll(List.of(targetAndVariables));
        Result r = run(command, Map.of());
        assertThat(r.exitCode).as("make -n: %s", r.stderr).isZero();
        return r.stdout.lines().toList();
    }

    private static int indexOf(List<String> lines, String fragment) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(List<String> command, Map<String, String> extraEnv) throws IOException,
            InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        // a make that runs this test must not leak its own flags and variable overrides into the dry run
        pb.environment().keySet().removeAll(List.of("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "AWS", "MVN", "MVN_FLAGS"));
        pb.environment().putAll(extraEnv);
        Process p = pb.start();
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }
}
