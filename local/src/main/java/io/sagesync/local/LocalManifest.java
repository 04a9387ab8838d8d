package io.sagesync.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** {@code .sagesync-local.json}: where every local service listens, for scripts and curious users (git-ignored). */
final class LocalManifest {
    private LocalManifest() {
    }

    static void write(Path file, String api, String dynamodb, String sqs, String secretsManager, String magento,
                      String sage, String tenantId, String table, Map<String, String> queues) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("api", api);
        root.put("dynamodb", dynamodb);
        root.put("sqs", sqs);
        root.put("secretsmanager", secretsManager);
        root.put("magento", magento);
        root.put("sage", sage);
        root.put("tenant_id", tenantId);
        root.put("table", table);
        ObjectNode q = root.putObject("queues");
        queues.forEach(q::put);
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }
}
