package io.sagesync.adapter.sage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.sagesync.domain.sage.MappingException;
import io.sagesync.domain.sage.MappingWarning;
import io.sagesync.domain.sage.SageBusiness;
import io.sagesync.domain.sage.SageReferenceData;
import io.sagesync.simulator.sage.SwaggerBodyValidator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * expected-skip.txt, or the mapping failure code in expected-error.txt. Every posted case must satisfy Sage's Swagger,
 * and the expected body itself, summed the way Sage derives totals, must equal Magento's grand_total (gross) and
 * tax_amount (VAT). Cases marked {@code "$overlay": true} only list what differs from base-canonical.json and
 * base-expected.json (a GB registered buyer, London addresses, 30 April 2026).
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
        ObjectNode canonicalJson = canonical(dir);
        CanonicalInvoice invoice = parser.parseInvoice(JSON.writeValueAsString(canonicalJson));
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
        SageBusiness business = business(dir, policy);
        Path error = dir.resolve("expected-error.txt");
        if (Files.exists(error)) {
            String expectedCode = read(error).strip();
            List<String> expectedWarnings = expectedWarnings(dir);
            assertThatThrownBy(() -> InvoiceMapper.map(invoice, policy, business, "sage-contact-" + reference,
                    idempotencyId)).isInstanceOfSatisfying(MappingException.class, e -> {
                        assertThat(e.code()).isEqualTo(expectedCode);
                        assertThat(e.warnings()).extracting(MappingWarning::code)
                                .containsExactlyElementsOf(expectedWarnings);
                    });
            return;
        }
        InvoiceMappingResult result = InvoiceMapper.map(invoice, policy, business, "sage-contact-" + reference,
                idempotencyId);

        ObjectNode actual = sageJson.salesInvoiceTree(result.request());
        ObjectNode expected = expected(dir);
        if (!expected.with("sales_invoice").has("idempotency_id")) {
            // overlay cases leave the (hash-derived) id out; it is checked for shape instead
            assertThat(actual.with("sales_invoice").remove("idempotency_id").asText()).matches("[0-9a-f]{32}");
        }
        assertThat(actual).as("Sage body").isEqualTo(expected);
        assertThat(result.warningCodes()).as("warnings").containsExactlyElementsOf(expectedWarnings(dir));

        // what Magento charged, recomputed from the expected body the way Sage derives it (not from the mapper)
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal vat = BigDecimal.ZERO;
        for (JsonNode line : expected.path("sales_invoice").path("invoice_lines")) {
            BigDecimal net = new BigDecimal(line.path("quantity").asText())
                    .multiply(new BigDecimal(line.path("unit_price").asText()))
                    .subtract(new BigDecimal(line.path("discount_amount").asText("0")))
                    .setScale(2, RoundingMode.HALF_UP);
            BigDecimal tax = new BigDecimal(line.path("tax_amount").asText());
            gross = gross.add(net).add(tax);
            vat = vat.add(tax);
        }
        assertThat(expected.path("sales_invoice").has("shipping_net_amount")).as("no shipping panel").isFalse();
        assertThat(gross).as("Sage gross vs grand_total").isEqualByComparingTo(invoice.grandTotal());
        assertThat(vat).as("Sage VAT vs Magento's tax").isEqualByComparingTo(magentoTax(canonicalJson));

        List<String> violations = SwaggerBodyValidator.fromClasspath().validate("postSalesInvoices", actual);
        assertThat(violations).as("Swagger violations").isEmpty();
    }

    /** business.json (country, base_currency, tax_rates, destination_vat, destination_rates: what Sage determined) or the policy region's seeded rates. */
    private static SageBusiness business(Path dir, SyncPolicy policy) throws IOException {
        Path file = dir.resolve("business.json");
        if (!Files.exists(file)) {
            return SageBusiness.seeded(policy.businessCountry(), policy.businessBaseCurrency());
        }
        JsonNode b = JSON.readTree(read(file));
        List<SageReferenceData.TaxRate> rates = new java.util.ArrayList<>();
        for (JsonNode r : b.path("tax_rates")) {
            rates.add(new SageReferenceData.TaxRate(r.path("id").asText(), new BigDecimal(r.path("percentage").asText()),
                    r.path("name").asText(null)));
        }
        List<SageReferenceData.TaxRate> destination = new java.util.ArrayList<>();
        for (JsonNode r : b.path("destination_rates")) {
            destination.add(new SageReferenceData.TaxRate(r.path("id").asText(),
                    new BigDecimal(r.path("percentage").asText()), r.path("name").asText(null)));
        }
        return new SageBusiness(b.path("country").asText(), b.path("base_currency").asText(), rates,
                b.path("destination_vat").asBoolean(false), destination);
    }

    /** Magento's header tax_amount, or (when the key is omitted) Σ line_tax + shipping_tax_amount. */
    private static BigDecimal magentoTax(ObjectNode canonical) {
        if (canonical.has("tax_amount")) {
            return canonical.get("tax_amount").decimalValue();
        }
        BigDecimal sum = canonical.path("shipping_tax_amount").decimalValue();
        for (JsonNode line : canonical.path("lines")) {
            sum = sum.add(line.path("line_tax").decimalValue());
        }
        return sum;
    }

    private static List<String> expectedWarnings(Path dir) throws IOException {
        Path warningsFile = dir.resolve("expected-warnings.txt");
        return Files.exists(warningsFile)
                ? read(warningsFile).lines().map(String::strip).filter(s -> !s.isEmpty()).toList() : List.of();
    }

    /** canonical.json; with {@code "$overlay": true} its top-level fields replace those of base-canonical.json. */
    private static ObjectNode canonical(Path dir) throws IOException, URISyntaxException {
        ObjectNode own = (ObjectNode) JSON.readTree(read(dir.resolve("canonical.json")));
        if (own.remove("$overlay") == null) {
            return own;
        }
        ObjectNode merged = (ObjectNode) JSON.readTree(read(root().resolve("base-canonical.json")));
        merged.setAll(own);
        own.properties().stream().filter(e -> e.getValue().isNull()).forEach(e -> merged.remove(e.getKey()));
        return merged;
    }

    /** expected-sage.json; with {@code "$overlay": true} its fields replace those of base-expected.json's. */
    private static ObjectNode expected(Path dir) throws IOException, URISyntaxException {
        ObjectNode own = (ObjectNode) JSON.readTree(read(dir.resolve("expected-sage.json")));
        ObjectNode invoice = own.with("sales_invoice");
        if (invoice.remove("$overlay") == null) {
            return own;
        }
        ObjectNode merged = (ObjectNode) JSON.readTree(read(root().resolve("base-expected.json")));
        merged.with("sales_invoice").setAll(invoice);
        return merged;
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
