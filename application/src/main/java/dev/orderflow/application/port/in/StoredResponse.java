package dev.orderflow.application.port.in;

import java.util.Map;
import java.util.Objects;

/**
 * The response the first request under an idempotency key got, as the adapter that answered it encoded
 * it (for HTTP: status code, the headers to repeat, and the body), so that a retry gets the same answer.
 */
public record StoredResponse(int status, Map<String, String> headers, String body) {

    /** Refuses missing parts and copies the headers. */
    public StoredResponse {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }
}
