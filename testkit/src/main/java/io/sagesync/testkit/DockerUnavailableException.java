package io.sagesync.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * LocalStack was selected but no Docker engine answers. Its message is the one documented in the README and the one
 * {@code scripts/require-docker.sh} prints before Maven starts: both read {@code docker-required.txt}.
 */
public final class DockerUnavailableException extends IllegalStateException {
    /** The documented no-Docker message, one line. */
    public static final String MESSAGE = readMessage();

    public DockerUnavailableException() {
        super(MESSAGE);
    }

    private static String readMessage() {
        try (InputStream in = DockerUnavailableException.class.getResourceAsStream("docker-required.txt")) {
            if (in == null) {
                throw new IllegalStateException("docker-required.txt missing from the testkit jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
