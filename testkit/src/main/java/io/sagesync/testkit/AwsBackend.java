package io.sagesync.testkit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which local AWS the tests and {@code make local} run on. Chosen by the system property {@code sagesync.aws}
 * (what {@code make test-localstack} and {@code make local AWS=localstack} pass), else the environment variable
 * {@code SAGESYNC_AWS}, else {@link #EMULATORS}. An unknown value fails loudly instead of quietly falling back, so
 * a run that asked for LocalStack never passes on the emulators by mistake.
 */
public enum AwsBackend {
    /** ElasticMQ inside this JVM and moto_server as a child process: the default, no Docker. */
    EMULATORS("emulators", "ElasticMQ + moto"),
    /** LocalStack in Docker through Testcontainers (the image pinned in {@link LocalStackEnvironment#IMAGE}). */
    LOCALSTACK("localstack", "LocalStack " + LocalStackEnvironment.IMAGE + " (Docker)");

    public static final String PROPERTY = "sagesync.aws";
    public static final String ENVIRONMENT_VARIABLE = "SAGESYNC_AWS";

    private final String id;
    private final String description;

    AwsBackend(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The setting's value that selects this backend. */
    public String id() {
        return id;
    }

    /** For banners and logs: what actually serves SQS, DynamoDB and Secrets Manager. */
    public String description() {
        return description;
    }

    /** The backend this JVM is configured for. */
    public static AwsBackend selected() {
        return from(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT_VARIABLE));
    }

    /** The system property wins over the environment variable; both blank or absent means the default. */
    static AwsBackend from(String property, String environmentVariable) {
        String setting = isBlank(property) ? environmentVariable : property;
        if (isBlank(setting)) {
            return EMULATORS;
        }
        String wanted = setting.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(b -> b.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown AWS environment '" + setting.trim()
                        + "' in " + (isBlank(property) ? ENVIRONMENT_VARIABLE : "-D" + PROPERTY) + "; use one of: "
                        + Arrays.stream(values()).map(AwsBackend::id).collect(Collectors.joining(", "))));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
