package io.sagesync.log;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * sagesync's SLF4J provider (registered in {@code META-INF/services}): every line goes to the current
 * {@code System.out} as one JSON object (Lambda ships stdout to CloudWatch Logs, which indexes the fields), or as a
 * readable line when {@code -Dsagesync.log.format=console} ({@code make local}). It replaces Log4j2 with its JSON
 * template layout, whose initialisation alone took about 0.8 s of each function's 1.9 s constructor on a C1 JVM and
 * whose four jars were 2.6 MB of each zip; the fields are the same ({@link StdoutLogger}).
 *
 * <p>Levels: INFO and above, WARN and above for the chatty libraries ({@link #QUIET_PREFIXES}: the embedded emulators
 * of local mode and the AWS SDK). No configuration file is read.
 */
public final class StdoutLogProvider implements SLF4JServiceProvider {
    /** Logger name prefixes that only log warnings and errors. */
    static final String[] QUIET_PREFIXES = {"org.elasticmq", "org.apache.pekko", "software.amazon.awssdk"};

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new ThreadLocalMdc();
    private final ILoggerFactory loggers = new Factory();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing to read: the format is looked up per line, so local mode can switch it at any time
    }

    private static final class Factory implements ILoggerFactory {
        private final ConcurrentMap<String, Logger> byName = new ConcurrentHashMap<>();

        @Override
        public Logger getLogger(String name) {
            return byName.computeIfAbsent(name, n -> new StdoutLogger(n, quiet(n)));
        }

        private static boolean quiet(String name) {
            for (String prefix : QUIET_PREFIXES) {
                if (name.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }
}
