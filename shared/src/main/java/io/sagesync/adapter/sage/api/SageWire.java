package io.sagesync.adapter.sage.api;

import io.sagesync.port.SageCallException.Kind;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The wire details {@link SageHttpClient} applies to every call: which statuses end a call, how URLs and queries are
 * built and resolved (never following a link off the base URL), and what the response headers say.
 */
final class SageWire {
    private SageWire() {
    }

    /** Statuses that end the call at once; null for the retryable ones (429 and 5xx). */
    static Kind finalClassification(int status) {
        if (status == 429 || status >= 500) {
            return null;
        }
        return switch (status) {
            case 401, 403 -> Kind.AUTH;
            case 404 -> Kind.NOT_FOUND;
            case 400, 409, 422 -> Kind.VALIDATION;
            default -> Kind.HTTP;
        };
    }

    /** Seconds or an HTTP-date; Sage does not document the header, so honour it only when it parses. */
    static Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
        if (value.isEmpty() || value.get().isEmpty()) {
            return Optional.empty();
        }
        String v = value.get();
        try {
            long seconds = Long.parseLong(v);
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(now, at.toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    static String requestId(HttpHeaders headers) {
        return headers.firstValue("x_request_id").or(() -> headers.firstValue("X-Request-Id")).orElse(null);
    }

    /**
     * Resolves a relative path or a {@code $next} link against the base URL. Absolute links are followed only
     * inside the base URL, so the bearer token never goes to another host.
     */
    static URI resolve(String root, URI base, String method, String pathAndQuery) {
        if (pathAndQuery.startsWith("http://") || pathAndQuery.startsWith("https://")) {
            if (!pathAndQuery.startsWith(root + "/")) {
                throw new SageApiException(Kind.HTTP, method, "(absolute link outside base URL)", 0,
                        List.of(), null, null, null);
            }
            return URI.create(pathAndQuery);
        }
        String relative = pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery;
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        if (!basePath.isEmpty() && relative.startsWith(basePath + "/")) {
            // $next links may carry the version prefix ("/v3.1/contacts?page=2").
            relative = relative.substring(basePath.length());
        }
        return URI.create(root + relative);
    }

    static String queryString(String path, Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(path.contains("?") ? "&" : "?");
        boolean first = true;
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (!first) {
                sb.append('&');
            }
            first = false;
            sb.append(encode(e.getKey())).append('=').append(encode(e.getValue() == null ? "" : e.getValue()));
        }
        return sb.toString();
    }

    private static String encode(String s) {
        // URLEncoder is form encoding; %20 is the unambiguous query form of a space.
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Path without query: queries can hold search terms (customer names), which stay out of logs. */
    static String pathOnly(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }
}
