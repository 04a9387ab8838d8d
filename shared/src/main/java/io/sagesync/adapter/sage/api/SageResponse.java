package io.sagesync.adapter.sage.api;

/**
 * A successful (2xx) Sage answer.
 *
 * @param status    HTTP status (200, 201, 204)
 * @param body      the raw JSON body, empty for 204
 * @param requestId Sage's {@code x_request_id}, or null if absent (Sage support asks for it)
 */
public record SageResponse(int status, String body, String requestId) {
}
