package dev.orderflow.adapters.rest;

import dev.orderflow.application.port.in.StoredReply;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The HTTP reply kept under an idempotency key, encoded as the application stores it: the UTF-8 JSON object
 * {@code {"status": 201, "headers": {"Location": "…"}, "body": "…"}}. Migration V4 of the persistence
 * adapter turned the replies stored before into this format; change it only together with a migration.
 */
final class StoredReplies {

    /** A reply as it went out: status, the headers to repeat, and the body as sent. */
    @Serdeable
    record HttpReply(int status, Map<String, String> headers, String body) {
        HttpReply {
            headers = Map.copyOf(headers);
        }
    }

    private final JsonMapper json;

    StoredReplies(JsonMapper json) {
        this.json = json;
    }

    StoredReply encode(HttpReply reply) {
        try {
            return new StoredReply(json.writeValueAsBytes(reply));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the reply", e);
        }
    }

    HttpReply decode(StoredReply stored) {
        try {
            return json.readValue(stored.bytes(), HttpReply.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable stored reply", e);
        }
    }
}
