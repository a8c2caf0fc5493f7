package dev.orderflow.adapters.messaging;

import static dev.orderflow.adapters.messaging.MessagingSettings.KAFKA_SERVERS;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Operators' way to send dead letters back to their topic once the cause is fixed. Only with the configured
 * admin token as a bearer token ({@code orderflow.messaging.admin-token}); without a configured token it
 * refuses every request. Refusals are problem+json of the same types as the REST API's.
 */
@Controller("/admin/dead-letters")
@Requires(property = KAFKA_SERVERS)
final class DeadLetterController {

    private static final String PROBLEMS = "https://orderflow.dev/problems/";
    private static final String BEARER = "Bearer ";

    private final DeadLetters deadLetters;
    private final Set<String> topics;
    private final Optional<byte[]> adminToken;

    DeadLetterController(DeadLetters deadLetters, MessagingSettings settings) {
        this.deadLetters = deadLetters;
        this.topics = Set.of(settings.paymentsTopic(), settings.shippingTopic());
        this.adminToken = Optional.ofNullable(settings.adminToken())
                .map(token -> token.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** Replays the dead letters of an upstream topic: {@code POST /admin/dead-letters/payments.v1/replay}. */
    @Post(uri = "/{topic}/replay", produces = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    HttpResponse<?> replay(@PathVariable String topic,
                           @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        if (adminToken.isEmpty()) {
            return problem(HttpStatus.FORBIDDEN, "forbidden", "The request is not allowed",
                    "dead-letter replay is off: set ORDERFLOW_MESSAGING_ADMIN_TOKEN and send it as a bearer token");
        }
        if (!authorized(authorization)) {
            return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication is required",
                    "send the admin token as 'Authorization: Bearer <token>'")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"orderflow-admin\"");
        }
        if (!topics.contains(topic)) {
            return problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "dead letters are kept for the upstream topics " + topics.stream().sorted().toList());
        }
        return HttpResponse.ok(new Replayed(topic, MessagingSettings.deadLetterTopic(topic), deadLetters.replay(topic)));
    }

    private boolean authorized(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        var sent = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(sent, adminToken.orElseThrow());
    }

    private static MutableHttpResponse<?> problem(HttpStatus status, String type, String title, String detail) {
        return HttpResponse.status(status)
                .body(Map.of("type", PROBLEMS + type, "title", title, "status", status.getCode(), "detail", detail))
                .contentType(MediaType.APPLICATION_JSON_PROBLEM);
    }

    /** How many dead letters went back to their topic. */
    @Serdeable
    record Replayed(String topic, String deadLetterTopic, int replayed) {
    }
}
