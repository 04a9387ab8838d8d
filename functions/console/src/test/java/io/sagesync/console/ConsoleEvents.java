package io.sagesync.console;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** HTTP API payload 2.0 events as API Gateway builds them for the console's routes. */
final class ConsoleEvents {
    static final String HOST = "abc123.execute-api.eu-west-2.amazonaws.com";
    static final String ORIGIN = "https://" + HOST;

    private ConsoleEvents() {
    }

    static APIGatewayV2HTTPEvent get(String pathAndQuery, String cookie) {
        return event("GET", pathAndQuery, cookie, null, Map.of());
    }

    static APIGatewayV2HTTPEvent post(String path, String cookie, String form, Map<String, String> extraHeaders) {
        return event("POST", path, cookie, form, extraHeaders);
    }

    static APIGatewayV2HTTPEvent event(String method, String pathAndQuery, String cookie, String body,
                                       Map<String, String> extraHeaders) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        Map<String, String> headers = new HashMap<>();
        headers.put("host", HOST);
        headers.put("x-forwarded-proto", "https");
        if (body != null) {
            headers.put("content-type", "application/x-www-form-urlencoded");
        }
        headers.putAll(extraHeaders);
        headers.values().removeIf(v -> v == null);
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(method + " " + path)
                .withRawPath(path).withRawQueryString(q < 0 ? "" : pathAndQuery.substring(q + 1))
                .withHeaders(headers).withCookies(cookie == null ? null : List.of(cookie))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method)
                                .withPath(path).withSourceIp("203.0.113.9").build()).build())
                .withBody(body).withIsBase64Encoded(false).build();
    }
}
