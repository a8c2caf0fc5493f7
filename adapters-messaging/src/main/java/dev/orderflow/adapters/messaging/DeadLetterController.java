package dev.orderflow.adapters.messaging;

import static dev.orderflow.adapters.messaging.MessagingSettings.KAFKA_SERVERS;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import java.util.Set;

/**
 * Operators' way to send dead letters back to their topic once the cause is fixed. An unknown topic is a
 * problem+json 404 of the same type as the REST API's.
 */
@Controller("/admin/dead-letters")
@Requires(property = KAFKA_SERVERS)
final class DeadLetterController {

    private final DeadLetters deadLetters;
    private final Set<String> topics;

    DeadLetterController(DeadLetters deadLetters, MessagingSettings settings) {
        this.deadLetters = deadLetters;
        this.topics = Set.of(settings.paymentsTopic(), settings.shippingTopic());
    }

    /** Replays the dead letters of an upstream topic: {@code POST /admin/dead-letters/payments.v1/replay}. */
    @Post(uri = "/{topic}/replay", produces = {MediaType.APPLICATION_JSON, "application/problem+json"})
    HttpResponse<?> replay(@PathVariable String topic) {
        if (!topics.contains(topic)) {
            return HttpResponse.notFound(Map.of(
                            "type", "https://orderflow.dev/problems/not-found",
                            "title", "Not found",
                            "status", 404,
                            "detail", "dead letters are kept for the upstream topics " + topics.stream().sorted().toList()))
                    .contentType("application/problem+json");
        }
        return HttpResponse.ok(new Replayed(topic, MessagingSettings.deadLetterTopic(topic), deadLetters.replay(topic)));
    }

    /** How many dead letters went back to their topic. */
    @Serdeable
    record Replayed(String topic, String deadLetterTopic, int replayed) {
    }
}
