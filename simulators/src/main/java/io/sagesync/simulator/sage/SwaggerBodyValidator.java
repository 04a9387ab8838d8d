package io.sagesync.simulator.sage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates Sage Accounting v3.1 request bodies against Sage's published Swagger 2.0 spec.
 *
 * <p>Swagger 2.0 schemas are a dialect of JSON Schema draft 4, so the spec's {@code definitions} are rewritten once
 * at load time into a draft-4 document that networknt's validator understands, then each definition is compiled
 * lazily and cached. The rewrite deliberately deviates from a literal reading of the spec in these ways:
 *
 * <ul>
 *   <li><b>Strict about unknown properties.</b> Every object schema that declares {@code properties} is treated as
 *       {@code additionalProperties: false}. Sage itself silently ignores most unknown attributes, which is exactly
 *       what makes a misspelled field (e.g. {@code shiping_net_amount}) dangerous: the call succeeds and the data is
 *       lost. Tests against the simulator should fail loudly instead. The single documented exception is
 *       {@code idempotency_id}, which Sage's idempotency guide puts inside the resource object (e.g. inside
 *       {@code sales_invoice}) but which is absent from the spec; it is added to the resource object of every
 *       {@code post*}/{@code put*} definition.</li>
 *   <li><b>Decimals as strings.</b> Sage asks clients to send decimal values as JSON strings although the spec types
 *       them {@code number}. Wherever the spec says {@code number}, a JSON string matching
 *       {@value #DECIMAL_PATTERN} is accepted too; any other string (e.g. {@code "abc"}) is rejected. Integers stay
 *       strict.</li>
 *   <li><b>maxLength from the response schema.</b> Sage documents its length limits (contact {@code reference} 10,
 *       {@code name} 100, invoice {@code reference} 25 …) only on the response definitions ({@code Contact},
 *       {@code SalesInvoice}, …), not on the {@code post*} bodies. For each body parameter whose operation declares
 *       a response schema, string properties of the same name inherit the response's {@code maxLength}, so the
 *       documented limits are enforced on the way in.</li>
 *   <li>Vendor extensions ({@code x-*}), {@code description} and the numeric formats ({@code double},
 *       {@code int32} …) are dropped; {@code required}, {@code enum}, {@code minimum}/{@code maximum} and
 *       {@code format: date} are kept.</li>
 * </ul>
 *
 * <p>Instances are immutable apart from the thread-safe schema cache and may be shared across threads.
 */
public final class SwaggerBodyValidator {

    /** Classpath location of the vendored Sage accounts spec. */
    public static final String DEFAULT_SPEC_RESOURCE = "/sage-openapi/sage-accounting-v3.1-accounts.swagger.json";
    /** System property naming an alternative spec file. */
    public static final String SPEC_PROPERTY = "sagesync.sage.swagger";
    /** Environment variable naming an alternative spec file (used when the system property is absent). */
    public static final String SPEC_ENV = "SAGESYNC_SAGE_SWAGGER";
    /** A plain decimal as Sage accepts it in a JSON string: optional sign, digits, optional fraction. */
    public static final String DECIMAL_PATTERN = "^-?[0-9]+(\\.[0-9]+)?$";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DEFINITIONS_PREFIX = "#/definitions/";
    private static volatile SwaggerBodyValidator classpathInstance;

    private final JsonNode paths;
    private final ObjectNode definitions;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.LEGACY).build();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private SwaggerBodyValidator(JsonNode spec) {
        JsonNode rawDefinitions = spec.path("definitions");
        if (!rawDefinitions.isObject()) {
            throw new IllegalArgumentException("Swagger spec has no 'definitions' object");
        }
        this.paths = spec.path("paths");
        this.definitions = NODES.objectNode();
        rawDefinitions.fields().forEachRemaining(e -> definitions.set(e.getKey(), SwaggerSchemaRewrite.rewrite(e.getValue())));
        definitions.fields().forEachRemaining(e -> SwaggerSchemaRewrite.allowIdempotencyId(e.getKey(), e.getValue()));
        new SwaggerSchemaRewrite(paths, definitions).inheritResponseMaxLengths();
    }

    /** The default spec shipped on the classpath; parsed once per JVM and shared. */
    public static SwaggerBodyValidator fromClasspath() {
        SwaggerBodyValidator instance = classpathInstance;
        if (instance == null) {
            synchronized (SwaggerBodyValidator.class) {
                instance = classpathInstance;
                if (instance == null) {
                    try (InputStream in = SwaggerBodyValidator.class.getResourceAsStream(DEFAULT_SPEC_RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("Sage spec not on classpath: " + DEFAULT_SPEC_RESOURCE);
                        }
                        instance = new SwaggerBodyValidator(MAPPER.readTree(in));
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot read Sage spec from classpath", e);
                    }
                    classpathInstance = instance;
                }
            }
        }
        return instance;
    }

    /** A validator for the Swagger 2.0 JSON file at {@code specFile}. */
    public static SwaggerBodyValidator fromPath(Path specFile) {
        Objects.requireNonNull(specFile, "specFile");
        try (InputStream in = Files.newInputStream(specFile)) {
            return new SwaggerBodyValidator(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Sage spec " + specFile, e);
        }
    }

    /**
     * The spec named by system property {@value #SPEC_PROPERTY}, else env {@value #SPEC_ENV}, else the classpath
     * default.
     */
    public static SwaggerBodyValidator load() {
        String location = System.getProperty(SPEC_PROPERTY);
        if (location == null || location.isBlank()) {
            location = System.getenv(SPEC_ENV);
        }
        if (location == null || location.isBlank()) {
            return fromClasspath();
        }
        return fromPath(Path.of(location.trim()));
    }

    /** Whether the spec defines {@code definitionName}. */
    public boolean hasDefinition(String definitionName) {
        return definitions.has(definitionName);
    }

    /**
     * Validates {@code body} against definition {@code definitionName} (e.g. {@code postSalesInvoices}).
     *
     * @return human-readable violations, each starting with the JSON path of the offending node; empty when valid
     * @throws IllegalArgumentException if the definition does not exist
     */
    public List<String> validate(String definitionName, JsonNode body) {
        return violations(definitionName, body).stream().map(Violation::toString).toList();
    }

    /**
     * Like {@link #validate(String, JsonNode)} but keeps path and message apart (the simulator turns the path into
     * Sage's {@code $source}).
     */
    public List<Violation> violations(String definitionName, JsonNode body) {
        JsonSchema schema = compiled.computeIfAbsent(definitionName, this::compile);
        List<Violation> result = new ArrayList<>();
        for (ValidationMessage message : schema.validate(body == null ? NODES.nullNode() : body)) {
            result.add(toViolation(message));
        }
        result.sort(Comparator.comparing(Violation::path).thenComparing(Violation::message));
        return List.copyOf(result);
    }

    /**
     * Validates {@code body} against the body parameter of operation {@code method pathTemplate}
     * (e.g. {@code POST /sales_invoices}).
     *
     * @throws IllegalArgumentException if the operation or its body parameter is not in the spec
     */
    public List<String> validateRequest(String method, String pathTemplate, JsonNode body) {
        return validate(bodyDefinition(method, pathTemplate), body);
    }

    /** The definition name of the body parameter of {@code method pathTemplate}, e.g. {@code postSalesInvoices}. */
    public String bodyDefinition(String method, String pathTemplate) {
        JsonNode operation = paths.path(pathTemplate).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            throw new IllegalArgumentException("No operation " + method + " " + pathTemplate + " in the spec");
        }
        for (JsonNode parameter : operation.path("parameters")) {
            if ("body".equals(parameter.path("in").asText())) {
                String ref = parameter.path("schema").path("$ref").asText("");
                if (ref.startsWith(DEFINITIONS_PREFIX)) {
                    return ref.substring(DEFINITIONS_PREFIX.length());
                }
                throw new IllegalArgumentException("Body of " + method + " " + pathTemplate + " is not a $ref");
            }
        }
        throw new IllegalArgumentException("Operation " + method + " " + pathTemplate + " has no body parameter");
    }

    private JsonSchema compile(String definitionName) {
        JsonNode definition = definitions.get(definitionName);
        if (definition == null) {
            throw new IllegalArgumentException("No definition '" + definitionName + "' in the Sage spec");
        }
        // The root is a copy of the definition plus the shared (not copied) definitions map, so that the spec's
        // "#/definitions/X" references resolve against this document.
        ObjectNode root = ((ObjectNode) definition).deepCopy();
        root.set("definitions", definitions);
        return factory.getSchema(root, config);
    }

    private static Violation toViolation(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        String path = location;
        String text = message.getMessage();
        if (text.startsWith(location + ": ")) {
            text = text.substring(location.length() + 2);
        }
        String property = message.getProperty();
        String type = message.getType();
        if (property != null && ("additionalProperties".equals(type) || "required".equals(type))) {
            path = path + "." + property;
        }
        return new Violation(path, text);
    }

    /**
     * One schema violation.
     *
     * @param path    JSON path of the offending node, e.g. {@code $.sales_invoice.invoice_lines[0].unit_price}
     * @param message human-readable message without the path
     */
    public record Violation(String path, String message) {
        /** {@code path: message}. */
        @Override
        public String toString() {
            return path + ": " + message;
        }
    }
}
