package io.sagesync.local.bench;

import io.sagesync.webhook.WebhookHandler;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child-JVM side of the cold-start benchmark: builds the handler exactly as Lambda does (no-arg constructor, env
 * configuration) and answers one signed webhook; writes "ms from JVM start to 202,ms spent in the constructor".
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long t0 = System.currentTimeMillis();
        WebhookHandler handler = new WebhookHandler();
        long t1 = System.currentTimeMillis();
        var response = handler.handleRequest(WebhookBenchmark.event(1), null);
        long t2 = System.currentTimeMillis();
        if (response.getStatusCode() != 202) {
            System.exit(3);
        }
        Files.writeString(Path.of(args[0]), (t2 - jvmStart) + "," + (t1 - t0));
    }
}
