package dev.orderflow.adapters.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Refuses a JSON request body that is more than one JSON document ({@code {...} trailing text} or two
 * objects in a row: the JSON reader would take the first and ignore the rest, so a garbled body could
 * create an order), and a JSON body declared in another charset than UTF-8 (RFC 8259 allows no other).
 * A body that is not JSON at all is left to the reader, which refuses it with the same problem type.
 */
@ServerFilter(value = "/api/**", methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH})
final class SingleJsonDocument {

    private static final JsonFactory JSON = new JsonFactory();

    @RequestFilter
    @Nullable
    MutableHttpResponse<Problem> check(HttpRequest<?> request, @Body @Nullable String body) {
        var type = request.getContentType().orElse(null);
        if (body == null || type == null || !type.matches(MediaType.APPLICATION_JSON_TYPE)) {
            return null;
        }
        var charset = type.getParameters().get("charset").orElse("utf-8");
        if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            return Problems.of(request, ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                    "JSON bodies are UTF-8; leave out the charset or declare charset=utf-8");
        }
        return hasTrailingContent(body)
                ? Problems.of(request, ProblemKind.MALFORMED_BODY, "the body holds content after its JSON value")
                : null;
    }

    private static boolean hasTrailingContent(String body) {
        try (JsonParser parser = JSON.createParser(body)) {
            try {
                if (parser.nextToken() == null) {
                    return false;
                }
                parser.skipChildren();
            } catch (IOException notJson) {
                return false; // the reader refuses it
            }
            try {
                return parser.nextToken() != null;
            } catch (IOException garbage) {
                return true; // after a complete value: text that is not even JSON
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
