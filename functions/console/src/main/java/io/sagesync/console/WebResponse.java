package io.sagesync.console;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A response under construction; {@link #toEvent()} turns it into the HTTP API's payload 2.0 answer. */
final class WebResponse {
    private final int status;
    private final String body;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> cookies = new ArrayList<>();

    private WebResponse(int status, String contentType, String body) {
        this.status = status;
        this.body = body;
        headers.put("Content-Type", contentType);
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        // not no-referrer: with it, browsers send "Origin: null" on form posts and the origin check could not work
        headers.put("Referrer-Policy", "same-origin");
    }

    static WebResponse json(int status, String body) {
        return new WebResponse(status, "application/json", body);
    }

    static WebResponse html(int status, String body) {
        return new WebResponse(status, "text/html; charset=utf-8", body);
    }

    static WebResponse css(String body) {
        WebResponse r = new WebResponse(200, "text/css; charset=utf-8", body);
        r.headers.put("Cache-Control", "public, max-age=300");
        return r;
    }

    static WebResponse noContent() {
        return new WebResponse(204, "application/json", "");
    }

    /** 303 See Other: after a form post the browser follows with a GET (no re-submission on reload). */
    static WebResponse seeOther(String location) {
        WebResponse r = new WebResponse(303, "text/plain; charset=utf-8", "");
        r.headers.put("Location", location);
        return r;
    }

    WebResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    WebResponse cookie(String setCookie) {
        cookies.add(setCookie);
        return this;
    }

    int status() {
        return status;
    }

    String body() {
        return body;
    }

    Map<String, String> headers() {
        return headers;
    }

    APIGatewayV2HTTPResponse toEvent() {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers)
                .withCookies(cookies.isEmpty() ? null : cookies).withBody(body).build();
    }
}
