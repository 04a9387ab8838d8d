package io.sagesync.adapter.sage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagesync.adapter.magento.CanonicalJsonParser;
import io.sagesync.adapter.policy.SyncPolicyJson;
import io.sagesync.adapter.sage.api.SageCatalogJson;
import io.sagesync.adapter.sage.api.SageJson;
import io.sagesync.domain.magento.CanonicalContact;
import io.sagesync.domain.magento.CanonicalProduct;
import io.sagesync.domain.policy.PolicyDecision;
import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.domain.policy.SyncPolicyEvaluator;
import io.sagesync.domain.sage.CatalogItemKind;
import io.sagesync.domain.sage.CatalogMapper;
import io.sagesync.domain.sage.CatalogPriceTypes;
import io.sagesync.domain.sage.ContactMapper;
import io.sagesync.domain.sage.MappingException;
import io.sagesync.domain.sage.MappingWarning;
import io.sagesync.domain.sage.SageCatalogItem;
import io.sagesync.domain.sage.SageContactRequest;
import io.sagesync.domain.sage.SageStockMovementRequest;
import io.sagesync.simulator.sage.SwaggerBodyValidator;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden corpora for customers and the catalogue, written by hand from the rules (§g):
 * <ul>
 *   <li>{@code golden/catalog/NN-name/}: canonical.json (a product) → policy → kind → expected-sage.json (the
 *       {@code product}/{@code service}/{@code stock_item} create body), or expected-skip.txt, or expected-error.txt;
 *       for stock items optionally sage-quantity.txt (Sage's {@code quantity_in_stock}, default 0) and
 *       expected-movement.json (absent = no movement needed).</li>
 *   <li>{@code golden/customers/NN-name/}: canonical.json (a customer), currency.txt → expected-sage.json (the
 *       {@code PUT /contacts/{id}} body).</li>
 * </ul>
 * Every body must satisfy Sage's Swagger; policy.json overlays the corpus's default-policy.json.
 */
class GoldenCatalogCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CatalogPriceTypes PRICE_TYPES = new CatalogPriceTypes("price-type-sales", "rate-type-rate");
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 30);

    private final CanonicalJsonParser parser = new CanonicalJsonParser();
    private final SageCatalogJson catalogJson = new SageCatalogJson(new SageJson());

    static Stream<String> catalogCases() throws IOException, URISyntaxException {
        return cases("catalog");
    }

    static Stream<String> customerCases() throws IOException, URISyntaxException {
        return cases("customers");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogCases")
    void product_mapsToTheHandWrittenSageBody(String name) throws Exception {
        Path dir = root("catalog").resolve(name);
        CanonicalProduct product = parser.parseProduct(read(dir.resolve("canonical.json")));
        SyncPolicy policy = policy("catalog", dir);
        PolicyDecision decision = SyncPolicyEvaluator.evaluateProduct(product, policy);
        Path skip = dir.resolve("expected-skip.txt");
        if (Files.exists(skip)) {
            String expectedReason = read(skip).strip();
            assertThat(decision.reason()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(expectedReason));
            return;
        }
        assertThat(decision.shouldProceed()).as("policy decision").isTrue();
        CatalogItemKind kind = CatalogMapper.kindFor(product, policy);
        Set<MappingWarning> warnings = new LinkedHashSet<>();
        Path error = dir.resolve("expected-error.txt");
        if (Files.exists(error)) {
            String expectedCode = read(error).strip();
            assertThatThrownBy(() -> CatalogMapper.map(product, kind, policy, PRICE_TYPES, warnings))
                    .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo(expectedCode));
            return;
        }
        SageCatalogItem item = CatalogMapper.map(product, kind, policy, PRICE_TYPES, warnings);
        ObjectNode actual = catalogJson.catalogItemTree(item, "0123456789abcdef0123456789abcdef");
        assertThat(actual).as("Sage body").isEqualTo(JSON.readTree(read(dir.resolve("expected-sage.json"))));
        String definition = switch (kind) {
            case PRODUCT -> "postProducts";
            case SERVICE -> "postServices";
            case STOCK_ITEM -> "postStockItems";
        };
        assertThat(SwaggerBodyValidator.fromClasspath().validate(definition, actual)).as("Swagger").isEmpty();
        assertThat(SwaggerBodyValidator.fromClasspath().validate(definition.replace("post", "put"),
                catalogJson.catalogItemTree(item, null))).as("Swagger, update").isEmpty();

        Path quantity = dir.resolve("sage-quantity.txt");
        BigDecimal inSage = Files.exists(quantity) ? new BigDecimal(read(quantity).strip()) : BigDecimal.ZERO;
        Optional<SageStockMovementRequest> movement = kind == CatalogItemKind.STOCK_ITEM
                ? CatalogMapper.stockMovement("stock-item-1", product, inSage, TODAY, null, warnings)
                : Optional.empty();
        Path expectedMovement = dir.resolve("expected-movement.json");
        if (Files.exists(expectedMovement)) {
            ObjectNode movementBody = catalogJson.stockMovementTree(movement.orElseThrow());
            assertThat(movementBody).as("movement").isEqualTo(JSON.readTree(read(expectedMovement)));
            assertThat(SwaggerBodyValidator.fromClasspath().validate("postStockMovements", movementBody))
                    .as("Swagger, movement").isEmpty();
        } else {
            assertThat(movement).as("no movement needed").isEmpty();
        }
        assertThat(warnings).extracting(MappingWarning::code).as("warnings")
                .containsExactlyElementsOf(expectedWarnings(dir));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("customerCases")
    void customer_mapsToTheHandWrittenContactUpdate(String name) throws Exception {
        Path dir = root("customers").resolve(name);
        CanonicalContact customer = parser.parseContact(read(dir.resolve("canonical.json")));
        SyncPolicy policy = policy("customers", dir);
        String currency = read(dir.resolve("currency.txt")).strip();
        Set<MappingWarning> warnings = new LinkedHashSet<>();
        SageContactRequest update = ContactMapper.map(customer, customer.billingAddress().orElse(null),
                customer.shippingAddress().orElse(null), currency, policy, null, warnings);
        ObjectNode actual = catalogJson.contactUpdateTree(update);
        assertThat(actual).as("Sage body").isEqualTo(JSON.readTree(read(dir.resolve("expected-sage.json"))));
        assertThat(SwaggerBodyValidator.fromClasspath().validate("putContacts", actual)).as("Swagger").isEmpty();
        assertThat(warnings).extracting(MappingWarning::code).as("warnings")
                .containsExactlyElementsOf(expectedWarnings(dir));
    }

    private SyncPolicy policy(String corpus, Path dir) throws IOException, URISyntaxException {
        ObjectNode merged = (ObjectNode) JSON.readTree(read(root(corpus).resolve("default-policy.json")));
        Path own = dir.resolve("policy.json");
        if (Files.exists(own)) {
            merged.setAll((ObjectNode) JSON.readTree(read(own)));
        }
        return new SyncPolicyJson().parse(JSON.writeValueAsString(merged));
    }

    private static List<String> expectedWarnings(Path dir) throws IOException {
        Path file = dir.resolve("expected-warnings.txt");
        return Files.exists(file)
                ? read(file).lines().map(String::strip).filter(s -> !s.isEmpty()).toList() : List.of();
    }

    private static Stream<String> cases(String corpus) throws IOException, URISyntaxException {
        try (Stream<Path> dirs = Files.list(root(corpus))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static Path root(String corpus) throws URISyntaxException {
        return Path.of(GoldenCatalogCorpusTest.class.getResource("/golden/" + corpus).toURI());
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
