package dev.orderflow.adapters.rest;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every error Micronaut itself answers (no route, wrong method or media type, unreadable body, too
 * large, unconvertible parameters, unhandled exceptions) into a problem+json response. Details are written
 * here from what kind of error it is: exception messages are never passed on, because they can hold class
 * names, input echoes or SQL.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemResponses implements ErrorResponseProcessor<Problem> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext error, MutableHttpResponse<?> response) {
        var request = error.getRequest();
        var cause = error.getRootCause();
        int status = response.code();
        var answer = status == 400 ? badRequest(request, cause) : byStatus(request, status, cause);
        var problem = answer.body();
        // keep what Micronaut set, such as Allow on a 405; requests refused before the filters ran (a broken
        // request line, oversized headers) get their correlation id here
        if (!response.getHeaders().contains(RequestIds.HEADER)) {
            response.header(RequestIds.HEADER, problem.requestId());
        }
        return response.status(answer.status()).contentType(answer.getContentType().orElseThrow()).body(problem);
    }

    private static MutableHttpResponse<Problem> badRequest(HttpRequest<?> request, Optional<Throwable> cause) {
        var error = cause.orElse(null);
        if (error instanceof ConversionErrorException conversion) {
            return isBody(conversion.getArgument())
                    ? Problems.of(request, ProblemKind.MALFORMED_BODY, unreadableBody(conversion))
                    : parameterProblem(request, conversion.getArgument(), "has the wrong format");
        }
        if (error instanceof UnsatisfiedBodyRouteException) {
            return Problems.of(request, ProblemKind.MALFORMED_BODY, "a JSON body is required");
        }
        if (error instanceof UnsatisfiedRouteException unsatisfied) {
            return parameterProblem(request, unsatisfied.getArgument(), "is required");
        }
        if (error != null && isJsonError(error)) {
            return Problems.of(request, ProblemKind.MALFORMED_BODY, BODY_UNREADABLE);
        }
        return Problems.of(request, ProblemKind.MALFORMED_REQUEST, "the request is not well-formed HTTP");
    }

    /** How Micronaut Serialization names a member that a request document does not define. */
    private static final Pattern UNKNOWN_MEMBER = Pattern.compile("^Unknown property \\[([^\\]]{1,64})]");

    private static String unreadableBody(Throwable error) {
        for (var t = error; t != null; t = t.getCause()) {
            var matcher = UNKNOWN_MEMBER.matcher(String.valueOf(t.getMessage()));
            if (matcher.find()) {
                return "the body has a member this request does not define: \"" + matcher.group(1) + "\"";
            }
        }
        return BODY_UNREADABLE;
    }

    static final String BODY_UNREADABLE = "the body is not valid JSON of the expected shape: check the "
            + "syntax, the types of the values (amounts are strings, quantities integers) and the encoding (UTF-8)";

    private static MutableHttpResponse<Problem> parameterProblem(HttpRequest<?> request, Argument<?> argument,
                                                                 String detail) {
        var metadata = argument.getAnnotationMetadata();
        var header = metadata.stringValue(Header.class).filter(name -> !name.isEmpty());
        var error = header.isPresent()
                ? Problem.FieldError.header(header.get(), detail)
                : Problem.FieldError.parameter(argument.getName(), detail);
        return Problems.validation(request, List.of(error));
    }

    private static boolean isBody(Argument<?> argument) {
        return argument.getAnnotationMetadata().hasAnnotation(Body.class);
    }

    // Micronaut Serialization and the JSON parser report with several exception types; all are body errors
    private static boolean isJsonError(Throwable error) {
        for (var t = error; t != null; t = t.getCause()) {
            var name = t.getClass().getName();
            if (name.startsWith("io.micronaut.serde.") || name.startsWith("com.fasterxml.jackson.core.")
                    || name.startsWith("io.micronaut.json.") || t instanceof java.nio.charset.CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    private static MutableHttpResponse<Problem> byStatus(HttpRequest<?> request, int status,
                                                         Optional<Throwable> cause) {
        var kind = ProblemKind.forStatus(status);
        return switch (kind) {
            case NOT_FOUND -> Problems.of(request, kind, "there is nothing at this path");
            case METHOD_NOT_ALLOWED -> Problems.of(request, kind, request.getMethodName()
                    + " is not allowed here; the Allow header lists what is");
            case UNSUPPORTED_MEDIA_TYPE -> Problems.of(request, kind, "send the body as application/json");
            case NOT_ACCEPTABLE -> Problems.of(request, kind, "an answer here is application/json, or "
                    + "application/problem+json for an error: accept application/json (for example Accept: "
                    + "application/json, application/problem+json)");
            case PAYLOAD_TOO_LARGE -> Problems.of(request, kind, "the request is larger than this server accepts");
            case REQUEST_TIMEOUT -> Problems.of(request, kind, "the request's body did not arrive in time");
            case INTERNAL, UNAVAILABLE -> {
                var problem = Problems.of(request, kind, "something went wrong on our side; quote request id "
                        + RequestIds.of(request) + " when you report it");
                LOG.error("request {} {} failed with status {} (request id {})", request.getMethodName(),
                        ellipsis(request.getPath()), status, RequestIds.of(request), cause.orElse(null));
                yield problem;
            }
            case MALFORMED_REQUEST, UNAUTHORIZED, FORBIDDEN, CONFLICT, PRECONDITION_FAILED, RATE_LIMITED, VALIDATION,
                 MALFORMED_BODY, INVALID_TRANSITION, IDEMPOTENCY_KEY_IN_FLIGHT, IDEMPOTENCY_KEY_REUSE ->
                    Problems.of(request, kind, kind.title());
        };
    }

    private static String ellipsis(String path) {
        return path.length() <= 200 ? path : path.substring(0, 200) + "…";
    }
}
