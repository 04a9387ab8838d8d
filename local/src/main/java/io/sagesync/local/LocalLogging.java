package io.sagesync.local;

/**
 * {@code make local} prints one readable line per event (time, level, logger, message, then the context such as
 * tenant and run_id) instead of the JSON objects Lambda ships to CloudWatch: the first-sync walkthrough stays
 * legible. Same SLF4J provider ({@code io.sagesync.log.StdoutLogProvider}), which reads the format on every line:
 * {@code -Dsagesync.log.format=json} keeps JSON locally.
 */
final class LocalLogging {
    static final String FORMAT_PROPERTY = "sagesync.log.format";

    private LocalLogging() {
    }

    /** Selects the console layout unless a format was chosen on the command line; it applies from the next line. */
    static void useConsole() {
        if (System.getProperty(FORMAT_PROPERTY) == null) {
            System.setProperty(FORMAT_PROPERTY, "console");
        }
    }
}
