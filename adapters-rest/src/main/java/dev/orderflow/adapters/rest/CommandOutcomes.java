package dev.orderflow.adapters.rest;

import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.Rejection;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;

/** The HTTP answer to each outcome of an order command: the order with its ETag, or a problem. */
final class CommandOutcomes {

    private CommandOutcomes() {
    }

    /** The answer to a transition. */
    static MutableHttpResponse<?> changed(HttpRequest<?> request, CommandResult result) {
        if (result instanceof CommandResult.Accepted accepted) {
            return HttpResponse.ok(OrderMapping.json(accepted.order()))
                    .header(HttpHeaders.ETAG, EntityTags.of(accepted.order()));
        }
        return refused(request, result);
    }

    /** The problem for every outcome but acceptance. */
    static MutableHttpResponse<Problem> refused(HttpRequest<?> request, CommandResult result) {
        return switch (result) {
            case CommandResult.Accepted accepted ->
                    throw new IllegalArgumentException("an accepted command is no problem");
            case CommandResult.NotFound notFound -> notFound(request, notFound.orderId());
            case CommandResult.VersionMismatch mismatch ->
                    Problems.preconditionFailed(request, mismatch.current().version())
                            .header(HttpHeaders.ETAG, EntityTags.of(mismatch.current()));
            case CommandResult.Conflict conflict -> Problems.of(request, ProblemKind.CONFLICT,
                    "the order kept changing while this request ran; fetch it again and retry");
            case CommandResult.Rejected rejected -> switch (rejected.rejection()) {
                case Rejection.InvalidTransition invalid -> Problems.invalidTransition(request, invalid.message(),
                        invalid.from().name());
                case Rejection.InvariantBroken broken -> Problems.validation(request,
                        List.of(Problem.FieldError.body("/" + broken.field(), broken.message())));
                case Rejection.NotPlaced notPlaced -> notFound(request, notPlaced.orderId());
                case Rejection.AlreadyPlaced placed -> Problems.of(request, ProblemKind.CONFLICT, placed.message());
            };
        };
    }

    static MutableHttpResponse<Problem> notFound(HttpRequest<?> request, OrderId id) {
        return Problems.of(request, ProblemKind.NOT_FOUND, "there is no order " + id);
    }
}
