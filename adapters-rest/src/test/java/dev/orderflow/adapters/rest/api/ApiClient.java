package dev.orderflow.adapters.rest.api;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plain HTTP client for the API suites: the JDK's, so that the suites can send anything (broken JSON,
 * odd headers, raw bytes) and see exactly what the server answers.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();

    private final URI base;
    private final String authorization;

    /** A client of the server at {@code base}, such as {@code http://127.0.0.1:8080}, sending no token. */
    public ApiClient(URI base) {
        this(base, null);
    }

    private ApiClient(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** A client that sends this token as {@code Authorization: Bearer} unless a request names its own. */
    public ApiClient withToken(String token) {
        return new ApiClient(base, TestTokens.bearer(token));
    }

    /** A response as received. */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        /** The first value of a header, case-insensitive. */
        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst();
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return parse(body);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + text();
        }
    }

    public URI base() {
        return base;
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Response postJson(String path, String json, String... headers) {
        return send("POST", path, json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                withContentType(headers));
    }

    /** Sends any method with any body bytes; {@code headers} are name, value pairs. */
    public Response send(String method, String path, byte[] body, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        boolean authorizes = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            authorizes |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (authorization != null && !authorizes) {
            request.header("Authorization", authorization);
        }
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            var received = new LinkedHashMap<String, String>();
            // a header sent more than once reads as its values joined, as HTTP defines it (RFC 9110, 5.3)
            response.headers().map().forEach((name, values) -> received.put(name, String.join(", ", values)));
            return new Response(response.statusCode(), received, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Sends a GET whose request target is the given bytes, unchecked, over a plain socket: for targets no
     * HTTP client library would send (malformed escapes, raw non-UTF-8 bytes).
     */
    public Response rawGet(byte[] target) {
        try (var socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write("GET ".getBytes(StandardCharsets.US_ASCII));
            out.write(target);
            out.write((" HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n"
                    + authorizationLine() + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var raw = socket.getInputStream().readAllBytes();
            int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return parsed(new String(raw, 0, end, StandardCharsets.ISO_8859_1),
                    java.util.Arrays.copyOfRange(raw, end + 4, raw.length));
        } catch (IOException e) {
            throw new UncheckedIOException("raw GET failed", e);
        }
    }

    /**
     * Sends {@code times} {@code HEAD} requests for {@code path} one after another on one connection, as a client
     * that keeps its connection does, and answers their responses; fails if the server closes it before the last.
     */
    public List<Response> headsOnOneConnection(String path, int times) {
        try (var socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            var in = socket.getInputStream();
            var responses = new ArrayList<Response>();
            for (int i = 0; i < times; i++) {
                out.write(("HEAD " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                        + authorizationLine() + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                var head = new ByteArrayOutputStream();
                while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    int next = in.read();
                    if (next < 0) {
                        throw new AssertionError("the server closed the connection after " + i + " HEAD responses"
                                + (head.size() == 0 ? "" : ", in the middle of: " + head));
                    }
                    head.write(next);
                }
                responses.add(parsed(head.toString(StandardCharsets.ISO_8859_1).strip(), new byte[0]));
            }
            return responses;
        } catch (IOException e) {
            throw new UncheckedIOException("HEAD " + path + " failed", e);
        }
    }

    /** The request's {@code Authorization} header line, if this client sends a token. */
    private String authorizationLine() {
        return authorization == null ? "" : "Authorization: " + authorization + "\r\n";
    }

    /** A response from its status line and header fields as received (CRLF between lines), and its body. */
    private static Response parsed(String head, byte[] body) {
        var lines = head.split("\r\n");
        var headers = new LinkedHashMap<String, String>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("no end of headers in " + new String(data, StandardCharsets.ISO_8859_1));
    }

    static JsonNode parse(byte[] body) {
        try {
            return JSON.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    private static String[] withContentType(String[] headers) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Content-Type")) {
                return headers;
            }
        }
        var all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }
}
