package io.sagesync.adapter.sage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.adapter.magento.CanonicalJsonParser;
import io.sagesync.adapter.policy.SyncPolicyJson;
import io.sagesync.adapter.sage.api.SageJson;
import io.sagesync.domain.EntityType;
import io.sagesync.domain.EventName;
import io.sagesync.domain.magento.CanonicalInvoice;
import io.sagesync.domain.policy.PolicyDecision;
import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.domain.policy.SyncPolicyEvaluator;
import io.sagesync.domain.sage.ContactKeys;
import io.sagesync.domain.sage.ContactRoute;
import io.sagesync.domain.sage.ContactRouting;
import io.sagesync.domain.sage.IdempotencyIds;
import io.sagesync.domain.sage.InvoiceMapper;
import io.sagesync.domain.sage.InvoiceMappingResult;
import io.sagesync.simulator.sage.SwaggerBodyValidator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden corpus (src/test/resources/golden/invoices/NN-name/): canonical.json → policy → contact routing → mapping
 * → Sage JSON, compared as trees with expected-sage.json (written by hand from the rules), or the skip reason in
 * expected-skip.txt. Every posted case must also reproduce grand_total to the penny and satisfy Sage's Swagger.
 * A case's policy.json overlays golden/invoices/default-policy.json field by field.
 */
class GoldenInvoiceCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "golden-tenant";

    private final CanonicalJsonParser parser = new CanonicalJsonParser();
    private final SyncPolicyJson policyJson = new SyncPolicyJson();
    private final SageJson sageJson = new SageJson();

    static Stream<String> cases() throws IOException, URISyntaxException {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void goldenCase_mapsToTheHandWrittenSageBody(String name) throws Exception {
        Path dir = root().resolve(name);
        CanonicalInvoice invoice = parser.parseInvoice(read(dir.resolve("canonical.json")));
        SyncPolicy policy = policy(dir);

        PolicyDecision decision = SyncPolicyEvaluator.evaluateInvoice(invoice, policy);
        Path skip = dir.resolve("expected-skip.txt");
        if (Files.exists(skip)) {
            String expectedReason = read(skip).strip();
            assertThat(decision.reason()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(expectedReason));
            return;
        }
        assertThat(decision.shouldProceed()).as("policy decision").isTrue();

        ContactRoute route = ContactRouting.route(invoice.customer(), invoice.grandTotal(), policy, false);
        String reference = route.individual()
                ? ContactKeys.reference(invoice.customer(), invoice.currency(), policy.businessBaseCurrency())
                : ContactRouting.fallbackReference(policy, invoice.currency());
        String idempotencyId = IdempotencyIds.of(TENANT, EntityType.INVOICE, invoice.magentoId(),
                EventName.INVOICE_CREATED);
        InvoiceMappingResult result = InvoiceMapper.map(invoice, policy, "sage-contact-" + reference, idempotencyId);

        JsonNode actual = sageJson.salesInvoiceTree(result.request());
        JsonNode expected = JSON.readTree(read(dir.resolve("expected-sage.json")));
        assertThat(actual).as("Sage body").isEqualTo(expected);

        Path warningsFile = dir.resolve("expected-warnings.txt");
        List<String> expectedWarnings = Files.exists(warningsFile)
                ? read(warningsFile).lines().map(String::strip).filter(s -> !s.isEmpty()).toList() : List.of();
        assertThat(result.warningCodes()).as("warnings").containsExactlyElementsOf(expectedWarnings);

        assertThat(result.sageDerivedTotal()).as("Sage-derived total vs grand_total")
                .isEqualByComparingTo(invoice.grandTotal().setScale(2, java.math.RoundingMode.HALF_UP));

        List<String> violations = SwaggerBodyValidator.fromClasspath().validate("postSalesInvoices", actual);
        assertThat(violations).as("Swagger violations").isEmpty();
    }

    private SyncPolicy policy(Path dir) throws IOException, URISyntaxException {
        ObjectNode merged = (ObjectNode) JSON.readTree(read(root().resolve("default-policy.json")));
        Path own = dir.resolve("policy.json");
        if (Files.exists(own)) {
            merged.setAll((ObjectNode) JSON.readTree(read(own)));
        }
        return policyJson.parse(JSON.writeValueAsString(merged));
    }

    private static Path root() throws URISyntaxException {
        return Path.of(GoldenInvoiceCorpusTest.class.getResource("/golden/invoices").toURI());
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

}
