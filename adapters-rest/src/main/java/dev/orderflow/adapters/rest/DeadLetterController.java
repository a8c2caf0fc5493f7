package dev.orderflow.adapters.rest;

import dev.orderflow.application.port.in.DeadLetterReplay;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Operators' way to send dead letters back to their upstream topic once the cause is fixed; {@code admin}
 * only. Refusals are the API's problem+json, with a request id like every other error.
 */
@Controller("/admin/dead-letters")
@Secured(Caller.ADMIN)
@Requires(beans = DeadLetterReplay.class)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
@SecurityRequirement(name = ApiDocs.BEARER)
final class DeadLetterController {

    private final DeadLetterReplay deadLetters;

    DeadLetterController(DeadLetterReplay deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Replays the dead letters of an upstream topic: {@code POST /admin/dead-letters/payments.v1/replay}. */
    @Post("/{topic}/replay")
    @Operation(summary = "Replay the dead letters of an upstream topic (admin)")
    HttpResponse<?> replay(HttpRequest<?> request, @PathVariable String topic) {
        return switch (deadLetters.replay(topic)) {
            case DeadLetterReplay.Result.Replayed replayed -> HttpResponse.ok(
                    new Replayed(replayed.topic(), replayed.deadLetterTopic(), replayed.count()));
            case DeadLetterReplay.Result.UnknownTopic unknown -> Problems.of(request, ProblemKind.NOT_FOUND,
                    "dead letters are kept for the upstream topics " + unknown.upstreamTopics().stream().sorted()
                            .toList());
            case DeadLetterReplay.Result.Unavailable unavailable ->
                    Problems.unavailable(request, unavailable.reason(), 60);
        };
    }

    /** How many dead letters went back to their topic. */
    @Serdeable
    record Replayed(String topic, String deadLetterTopic, int replayed) {
    }
}
