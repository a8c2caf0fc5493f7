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
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a JSON request body that is more than one JSON document ({@code {...} trailing text} or two
 * objects in a row: the JSON reader would take the first and ignore the rest, so a garbled body could
 * create an order), that names a member twice in one object (the reader would keep the first, most other
 * readers the last, so a proxy or a client's log could show another order than the one stored), and a JSON
 * body declared in another charset than UTF-8 (RFC 8259 allows no other), with no Content-Type or one that is
 * not a media type at all, or in a content coding the server does not decompress (it would read it as it is). A
 * body that is not JSON text in UTF-8 is refused here too, with the detail the reader gives: the reader would
 * take UTF-16 or UTF-32 for what they encode. A body in a coding the server decompresses but that is not in it
 * is {@link UndecodableBodyHandler}'s.
 */
@ServerFilter(value = "/api/**", methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH})
final class SingleJsonDocument {

    private static final JsonFactory JSON = new JsonFactory();
    /**
     * The content codings Micronaut's server decompresses a request body from ({@code br} only with Brotli's
     * native library, which this service does not ship); a body in any other is read as it is.
     */
    private static final Set<String> DECODED = Set.of("identity", "gzip", "x-gzip", "deflate", "x-deflate",
            "snappy");
    private static final String TRAILING_CONTENT = "the body holds content after its JSON value";

    @RequestFilter
    @Nullable
    MutableHttpResponse<Problem> check(HttpRequest<?> request, @Body @Nullable String body) {
        var coding = request.getHeaders().get(HttpHeaders.CONTENT_ENCODING);
        if (coding != null && !DECODED.contains(coding.strip().toLowerCase(Locale.ROOT))) {
            // the server would read the body as if uncoded
            return Problems.of(request, ProblemKind.UNSUPPORTED_MEDIA_TYPE, "a body is read uncoded or in one of "
                    + "the content codings gzip, deflate and snappy: send it without Content-Encoding or in one "
                    + "of these");
        }
        var declared = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (declared == null ? body != null && !body.isBlank() : declared.indexOf('/') < 0) {
            // none, or not a media type at all ("json", "garbage"): the router would read JSON all the same
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

    /**
     * Why the body is refused here, or null: it is one JSON document without a repeated member (after a byte order
     * mark, which RFC 8259 lets a reader ignore), or blank.
     */
    @Nullable
    static String refusal(String body) {
        var text = body.startsWith("\uFEFF") ? body.substring(1) : body;
        try (JsonParser parser = JSON.createParser(text)) {
            try {
                var repeated = repeatedMember(parser);
                if (repeated != null) {
                    return "the member " + repeated + " appears twice; name each member of an object once";
                }
            } catch (IOException notJson) {
                // refused here rather than by the reader, which would take a body in UTF-16 or UTF-32 that is
                // not UTF-8 text for what it encodes
                return ProblemResponses.BODY_UNREADABLE;
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
