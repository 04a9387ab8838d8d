package io.sagesync.local;

import org.apache.logging.log4j.core.config.Configurator;

/**
 * {@code make local} prints one readable line per event (time, level, logger, message, then the context such as
 * tenant and run_id) instead of the JSON objects Lambda ships to CloudWatch: the first-sync walkthrough stays
 * legible. Same log4j2.xml, other appender: {@code -Dsagesync.log.format=json} keeps JSON locally.
 */
final class LocalLogging {
    static final String FORMAT_PROPERTY = "sagesync.log.format";

    private LocalLogging() {
    }

    /** Selects the console layout unless a format was chosen on the command line, and applies it now. */
    static void useConsole() {
        if (System.getProperty(FORMAT_PROPERTY) == null) {
            System.setProperty(FORMAT_PROPERTY, "console");
        }
        Configurator.reconfigure();
    }
}
