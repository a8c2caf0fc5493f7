package dev.orderflow.adapters.rest;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;

/** Builds problem+json responses; every error the API returns goes through here. */
final class Problems {

    private Problems() {
    }

    static MutableHttpResponse<Problem> of(HttpRequest<?> request, ProblemKind kind, String detail) {
        return build(request, kind, detail, null, null, null);
    }

    /**
     * 503: the service cannot do the request now (its storage is down or too slow, or it is overloaded); the
     * client may retry after the given number of seconds.
     */
    static MutableHttpResponse<Problem> unavailable(HttpRequest<?> request, String reason, int retryAfterSeconds) {
        return retryLater(request, ProblemKind.UNAVAILABLE, reason, retryAfterSeconds);
    }

    /**
     * A problem the client may retry: {@code Retry-After} in seconds, and a detail that gives the reason and the
     * same wait ("{@code <reason>; retry in <n> s}").
     */
    static MutableHttpResponse<Problem> retryLater(HttpRequest<?> request, ProblemKind kind, String reason,
                                                   int retryAfterSeconds) {
        var seconds = Integer.toString(retryAfterSeconds);
        return build(request, kind, reason + "; retry in " + seconds + " s", null, null, null)
                .header(HttpHeaders.RETRY_AFTER, seconds);
    }

    static MutableHttpResponse<Problem> validation(HttpRequest<?> request, List<Problem.FieldError> errors) {
        var detail = errors.size() == 1 ? "1 input is invalid" : errors.size() + " inputs are invalid";
        return build(request, ProblemKind.VALIDATION, detail, List.copyOf(errors), null, null);
    }

    static MutableHttpResponse<Problem> invalidTransition(HttpRequest<?> request, String detail,
                                                          String currentStatus) {
        return build(request, ProblemKind.INVALID_TRANSITION, detail, null, currentStatus, null);
    }

    static MutableHttpResponse<Problem> preconditionFailed(HttpRequest<?> request, long currentVersion) {
        return build(request, ProblemKind.PRECONDITION_FAILED,
                "the order is at version " + currentVersion + "; fetch it again and retry with its ETag", null,
                null, currentVersion);
    }

    private static MutableHttpResponse<Problem> build(HttpRequest<?> request, ProblemKind kind, String detail,
                                                      List<Problem.FieldError> errors, String currentStatus,
                                                      Long currentVersion) {
        var problem = new Problem(kind.type().toString(), kind.title(), kind.status().getCode(), detail,
                RequestIds.of(request), errors, currentStatus, currentVersion);
        return HttpResponse.<Problem>status(kind.status()).contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE)
                .body(problem);
    }
}
