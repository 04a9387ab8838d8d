package io.sagesync.simulator.sage;

import static io.sagesync.simulator.sage.SageHttp.JSON;
import static io.sagesync.simulator.sage.SageHttp.errorArray;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.sagesync.simulator.sage.SageHttp.Reply;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /v3.1} resource routes: bearer-token check, {@code X-Business} selection and echo, Swagger-validated
 * creates (root-key wrapped bodies) and the reads sagesync uses.
 */
final class SageApi {
    static final String API_PREFIX = "/v3.1";
    private static final Map<String, String> CREATE_ROOTS = Map.of(
            "/contacts", "contact",
            "/sales_invoices", "sales_invoice",
            "/sales_credit_notes", "sales_credit_note",
            "/contact_payments", "contact_payment",
            "/contact_allocations", "contact_allocation",
            "/products", "product",
            "/services", "service",
            "/stock_items", "stock_item",
            "/stock_movements", "stock_movement");
    /** Resources updated with {@code PUT /<collection>/{id}} (only the fields sent change). */
    private static final Map<String, String> UPDATE_ROOTS = Map.of(
            "contacts", "contact",
            "products", "product",
            "services", "service",
            "stock_items", "stock_item");
    private static final java.util.Set<String> CATALOG_LISTS = java.util.Set.of("products", "services",
            "stock_items", "stock_movements", "product_sales_price_types", "service_rate_types");

    private final SageOAuth oauth;
    private final SageBusinesses businesses;
    private final SwaggerBodyValidator validator;
    private final List<String> validationFailures;

    SageApi(SageOAuth oauth, SageBusinesses businesses, SwaggerBodyValidator validator,
            List<String> validationFailures) {
        this.oauth = oauth;
        this.businesses = businesses;
        this.validator = validator;
        this.validationFailures = validationFailures;
    }

    Reply handle(HttpExchange exchange, String method, String rawPath, String path, URI uri, String business,
                 byte[] body) {
        if (!rawPath.startsWith(API_PREFIX + "/")) {
            throw SageApiException.notFound("path " + rawPath);
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        if (!oauth.isValidAccessToken(token)) {
            throw new SageApiException(401, List.of(new SageApiException.SageError("AuthorizationFailure",
                    "You are not authorised to access this resource. Please check your access token.", "")));
        }
        if (!path.startsWith("/businesses")) {
            if (!businesses.contains(business)) {
                throw new SageApiException(403, List.of(new SageApiException.SageError("AccessDenied",
                        "You do not have access to business " + business, "")));
            }
            exchange.getResponseHeaders().set("X-Business", business);
        }
        Map<String, String> query = SageHttp.parseForm(uri.getRawQuery());
        String[] segments = path.substring(1).split("/");
        String collection = segments[0];
        String id = segments.length > 1 ? segments[1] : null;
        if (segments.length > 2) {
            throw SageApiException.notFound("path " + path);
        }
        if ("businesses".equals(collection) && "GET".equals(method)) {
            return id == null ? SageListing.list(collection, new ArrayList<>(businesses.all()), query, r -> true)
                    : new Reply(200, businesses.businessOrFail(id));
        }
        SageLedger ledger = businesses.ledger(business);
        if ("POST".equals(method) && id == null && CREATE_ROOTS.containsKey(path)) {
            return create(exchange, ledger, path, body);
        }
        if ("PUT".equals(method) && id != null && UPDATE_ROOTS.containsKey(collection)) {
            return update(exchange, ledger, collection, id, body);
        }
        if (!"GET".equals(method)) {
            return new Reply(405, errorArray(List.of(new SageApiException.SageError(
                    "MethodNotAllowed", method + " is not supported on " + path, ""))));
        }
        if (id != null && !"financial_settings".equals(collection)) {
            return new Reply(200, ledger.find(collection, id));
        }
        return switch (collection) {
            case "financial_settings" -> new Reply(200, SageBusinesses.financialSettings(ledger));
            case "tax_rates" -> SageListing.list(collection, ledger.taxRates(
                    Boolean.parseBoolean(query.get("include_destination_vat_rates"))), query, r -> true);
            case "tax_determinations" -> SageListing.list(collection, ledger.taxDeterminations(
                    query.get("usage"), query.get("contact_id"),
                    Boolean.parseBoolean(query.get("include_destination_vat"))), query, r -> true);
            case "ledger_accounts" -> SageListing.list(collection, ledger.ledgerAccounts(query.get("visible_in")),
                    query, r -> true);
            case "bank_accounts" -> SageListing.list(collection, ledger.bankAccounts(), query, r -> true);
            case "contacts" -> SageListing.list(collection, ledger.contacts(), query,
                    SageListing.contactFilter(query));
            case "sales_invoices" -> SageListing.list(collection, ledger.invoices(), query,
                    SageListing.artefactFilter(query));
            case "sales_credit_notes" -> SageListing.list(collection, ledger.creditNotes(), query,
                    SageListing.artefactFilter(query));
            case "contact_payments" -> SageListing.list(collection, ledger.payments(), query,
                    SageListing.artefactFilter(query));
            case "contact_allocations" -> SageListing.list(collection, ledger.allocations(), query,
                    SageListing.artefactFilter(query));
            default -> {
                if (!CATALOG_LISTS.contains(collection)) {
                    throw SageApiException.notFound("path " + path);
                }
                yield SageListing.list(collection, ledger.catalog(collection), query, SageListing.itemFilter(query));
            }
        };
    }

    private Reply update(HttpExchange exchange, SageLedger ledger, String collection, String id, byte[] body) {
        String root = UPDATE_ROOTS.get(collection);
        JsonNode json = validated(exchange, "PUT", "/" + collection + "/{key}", root, body);
        return new Reply(200, ledger.update(root, id, json));
    }

    private Reply create(HttpExchange exchange, SageLedger ledger, String path, byte[] body) {
        String root = CREATE_ROOTS.get(path);
        JsonNode json = validated(exchange, "POST", path, root, body);
        SageLedger.Created created = ledger.create(root, json);
        return new Reply(created.status(), created.resource());
    }

    /** Content type, JSON and the Swagger body definition of {@code method pathTemplate}; 415/422 otherwise. */
    private JsonNode validated(HttpExchange exchange, String method, String path, String root, byte[] body) {
        String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new SageApiException(415, List.of(new SageApiException.SageError(
                    "UnsupportedMediaType", "Content-Type must be application/json", "")));
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw SageApiException.invalid("base", "The request body is not valid JSON");
        }
        List<SwaggerBodyValidator.Violation> violations =
                validator.violations(validator.bodyDefinition(method, path), json);
        if (!violations.isEmpty()) {
            violations.forEach(v -> validationFailures.add(method + " " + path + ": " + v));
            List<SageApiException.SageError> errors = violations.stream()
                    .map(v -> new SageApiException.SageError("RecordInvalid", v.message(), source(v.path(), root)))
                    .toList();
            throw new SageApiException(422, errors);
        }
        return json;
    }

    /** {@code $.sales_invoice.invoice_lines[0].unit_price} becomes {@code line_items.unit_price}, as Sage reports. */
    static String source(String jsonPath, String root) {
        String s = jsonPath.startsWith("$.") ? jsonPath.substring(2) : jsonPath.startsWith("$") ? "" : jsonPath;
        if (s.startsWith(root + ".")) {
            s = s.substring(root.length() + 1);
        }
        s = s.replaceAll("\\[\\d+]", "");
        s = s.replaceFirst("^(invoice_lines|credit_note_lines)", "line_items");
        return s.isEmpty() ? "base" : s;
    }
}
