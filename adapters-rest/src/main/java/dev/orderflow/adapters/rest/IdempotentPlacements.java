package dev.orderflow.adapters.rest;

import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.application.port.in.IdempotencyKey;
import dev.orderflow.application.port.in.IdempotentResult;
import dev.orderflow.application.port.in.StoredReply;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer to a placement, with or without an {@code Idempotency-Key}: the key scoped to the caller, the
 * reply captured for storage under it, and a stored reply sent again on a retry.
 */
final class IdempotentPlacements {

    /** A placement takes milliseconds; by then the first request has its answer, which the retry replays. */
    private static final int IN_FLIGHT_RETRY_AFTER_SECONDS = 1;

    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    /** The answer to a placement, as stored under an idempotency key and sent. */
    private record Reply(HttpStatus status, Map<String, String> headers, Object body) {
    }

    private final JsonMapper json;
    private final StoredReplies replies;

    IdempotentPlacements(JsonMapper json) {
        this.json = json;
        this.replies = new StoredReplies(json);
    }

    /**
     * The key as stored: scoped to the principal (a hash of principal and key), so the same key sent by two
     * principals names two different requests. An invalid key is reported to {@code inputs}.
     */
    static IdempotencyKey key(String header, Caller caller, Inputs inputs) {
        try {
            var sent = new IdempotencyKey(header);
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(caller.principal().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(sent.value().getBytes(StandardCharsets.UTF_8));
            return new IdempotencyKey("p1:" + HexFormat.of().formatHex(digest.digest()));
        } catch (IllegalArgumentException e) {
            inputs.add(Problem.FieldError.header(OrdersApi.IDEMPOTENCY_KEY, e.getMessage()));
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The answer to a placement without a key. */
    MutableHttpResponse<?> sent(HttpRequest<?> request, CommandResult result) {
        var reply = placed(request, result);
        var http = HttpResponse.status(reply.status()).body(reply.body());
        reply.headers().forEach(http::header);
        return http;
    }

    /** The answer to a placement, encoded to be stored under its key. */
    StoredReply stored(HttpRequest<?> request, CommandResult result) {
        var reply = placed(request, result);
        try {
            return replies.encode(new StoredReplies.HttpReply(reply.status().getCode(), reply.headers(),
                    json.writeValueAsString(reply.body())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the response", e);
        }
    }

    /** The answer to a placement under a key: the stored reply, first or again, or why there is none. */
    MutableHttpResponse<?> answer(HttpRequest<?> request, IdempotentResult result) {
        return switch (result) {
            case IdempotentResult.Executed executed -> replay(executed.response(), false);
            case IdempotentResult.Replayed replayed -> replay(replayed.response(), true);
            case IdempotentResult.InFlight inFlight -> Problems.retryLater(request,
                    ProblemKind.IDEMPOTENCY_KEY_IN_FLIGHT, "the first request with this idempotency key is still in "
                            + "progress", IN_FLIGHT_RETRY_AFTER_SECONDS);
            case IdempotentResult.KeyReused reused -> Problems.of(request, ProblemKind.IDEMPOTENCY_KEY_REUSE,
                    "this idempotency key was used for a different request; use a new key for a new request");
        };
    }

    private static Reply placed(HttpRequest<?> request, CommandResult result) {
        if (result instanceof CommandResult.Accepted accepted) {
            var order = accepted.order();
            var headers = new LinkedHashMap<String, String>();
            headers.put(HttpHeaders.LOCATION, OrdersController.PATH + "/" + order.id());
            headers.put(HttpHeaders.ETAG, EntityTags.of(order));
            headers.put(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
            return new Reply(HttpStatus.CREATED, headers, OrderMapping.json(order));
        }
        var problem = CommandOutcomes.refused(request, result);
        // header names differ only in case between Micronaut's and these constants: one entry per name
        var headers = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        problem.getHeaders().forEach((name, values) -> headers.put(name, values.getFirst()));
        headers.put(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_PROBLEM);
        return new Reply(problem.status(), headers, problem.body());
    }

    private MutableHttpResponse<?> replay(StoredReply stored, boolean replayed) {
        var response = replies.decode(stored);
        var http = HttpResponse.status(HttpStatus.valueOf(response.status()))
                .body(response.body().getBytes(StandardCharsets.UTF_8));
        // set, not added: a reply stored before names were kept once per case may hold Content-Type twice
        response.headers().forEach(http.getHeaders()::set);
        if (replayed) {
            http.header(IDEMPOTENT_REPLAYED, "true");
        }
        return http;
    }
}
