package io.sagesync.testkit;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * moto_server (DynamoDB + Secrets Manager) as a child process on a free port. Its output goes to a file, never to
 * a pipe: moto logs a line per request and a full 64 KiB pipe would block it mid-suite.
 */
final class MotoServer implements AutoCloseable {
    private static final Pattern RUNNING = Pattern.compile("Running on (http://127\\.0\\.0\\.1:\\d+)");
    static final String INSTALL_HINT = "moto_server was not found on PATH. sagesync's tests and `make local` need "
            + "moto for DynamoDB and Secrets Manager: install it with  pip install 'moto[server]'  (or set "
            + "SAGESYNC_MOTO_SERVER to the moto_server executable).";

    private final Process process;
    private final URI endpoint;
    private final Path log;

    private MotoServer(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    static MotoServer start(Path logDir) {
        String executable = System.getenv().getOrDefault("SAGESYNC_MOTO_SERVER", "moto_server");
        Path log;
        Process process;
        try {
            Files.createDirectories(logDir);
            log = Files.createTempFile(logDir, "moto-", ".log");
            process = new ProcessBuilder(List.of(executable, "-H", "127.0.0.1", "-p", "0"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(INSTALL_HINT, e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            try {
                Matcher m = RUNNING.matcher(Files.readString(log));
                if (m.find()) {
                    return new MotoServer(process, URI.create(m.group(1)), log);
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("moto_server exited with " + process.exitValue() + "; see "
                            + log + ". " + INSTALL_HINT);
                }
                Thread.sleep(50);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + log, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("moto_server did not start within 60 s; see " + log);
    }

    URI endpoint() {
        return endpoint;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
