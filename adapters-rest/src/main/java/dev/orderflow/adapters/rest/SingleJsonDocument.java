package dev.orderflow.adapters.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Refuses a JSON request body that is more than one JSON document ({@code {...} trailing text} or two
 * objects in a row: the JSON reader would take the first and ignore the rest, so a garbled body could
 * create an order), that names a member twice in one object (the reader would keep the first, most other
 * readers the last, so a proxy or a client's log could show another order than the one stored), and a JSON
 * body declared in another charset than UTF-8 (RFC 8259 allows no other) or with a Content-Type that is not a
 * media type at all. A body that is not JSON at all is left to the reader, which refuses it with the same
 * problem type.
 */
@ServerFilter(value = "/api/**", methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH})
final class SingleJsonDocument {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String TRAILING_CONTENT = "the body holds content after its JSON value";

    @RequestFilter
    @Nullable
    MutableHttpResponse<Problem> check(HttpRequest<?> request, @Body @Nullable String body) {
        var declared = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (declared != null && declared.indexOf('/') < 0) {
            // not a media type at all ("json", "garbage"): the router would take it for none and read JSON
            return Problems.of(request, ProblemKind.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json");
        }
        var type = request.getContentType().orElse(null);
        if (body == null || type == null || !type.matches(MediaType.APPLICATION_JSON_TYPE)) {
            return null;
        }
        var charset = type.getParameters().get("charset").orElse("utf-8");
        if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            return Problems.of(request, ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                    "JSON bodies are UTF-8; leave out the charset or declare charset=utf-8");
        }
        var refusal = refusal(body);
        return refusal == null ? null : Problems.of(request, ProblemKind.MALFORMED_BODY, refusal);
    }

    /** Why the body is refused here, or null: it is one JSON document without a repeated member, or not JSON. */
    @Nullable
    static String refusal(String body) {
        try (JsonParser parser = JSON.createParser(body)) {
            try {
                var repeated = repeatedMember(parser);
                if (repeated != null) {
                    return "the member " + repeated + " appears twice; name each member of an object once";
                }
            } catch (IOException notJson) {
                return null; // the reader refuses it
            }
            try {
                return parser.nextToken() == null ? null : TRAILING_CONTENT;
            } catch (IOException garbage) {
                return TRAILING_CONTENT; // after a complete value: text that is not even JSON
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the first JSON value; the JSON pointer of the first member named twice in one object, or null. */
    @Nullable
    private static String repeatedMember(JsonParser parser) throws IOException {
        var objects = new ArrayDeque<Set<String>>();
        for (var token = parser.nextToken(); token != null; token = parser.nextToken()) {
            if (token == JsonToken.FIELD_NAME && !objects.element().add(parser.currentName())) {
                return parser.getParsingContext().pathAsPointer().toString();
            }
            if (token == JsonToken.START_OBJECT) {
                objects.push(new HashSet<>());
            } else if (token == JsonToken.END_OBJECT) {
                objects.pop();
            }
            if (parser.getParsingContext().inRoot()) {
                return null; // the first value is complete
            }
        }
        return null;
    }
}
