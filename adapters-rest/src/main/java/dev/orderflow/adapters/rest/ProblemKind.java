package dev.orderflow.adapters.rest;

import io.micronaut.http.HttpStatus;
import java.net.URI;

/** The kinds of problem the API reports, each with a stable {@code type} URI that clients may switch on. */
enum ProblemKind {
    VALIDATION("validation", "The request is not valid", HttpStatus.BAD_REQUEST),
    MALFORMED_BODY("malformed-body", "The request body cannot be read", HttpStatus.BAD_REQUEST),
    MALFORMED_REQUEST("malformed-request", "The request is not well-formed", HttpStatus.BAD_REQUEST),
    UNAUTHORIZED("unauthorized", "Authentication is required", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", "The request is not allowed", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "No acceptable representation", HttpStatus.NOT_ACCEPTABLE),
    INVALID_TRANSITION("invalid-transition", "The order cannot make this transition", HttpStatus.CONFLICT),
    CONFLICT("conflict", "The order is being changed concurrently", HttpStatus.CONFLICT),
    IDEMPOTENCY_KEY_IN_FLIGHT("idempotency-key-in-flight", "A request with this idempotency key is in progress",
            HttpStatus.CONFLICT),
    PRECONDITION_FAILED("precondition-failed", "The order is not at the expected version",
            HttpStatus.PRECONDITION_FAILED),
    REQUEST_TIMEOUT("request-timeout", "The request did not arrive in time", HttpStatus.REQUEST_TIMEOUT),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request is too large", HttpStatus.REQUEST_ENTITY_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    IDEMPOTENCY_KEY_REUSE("idempotency-key-reuse", "The idempotency key was used for a different request",
            HttpStatus.UNPROCESSABLE_ENTITY),
    RATE_LIMITED("rate-limited", "Too many requests", HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL("internal", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR),
    UNAVAILABLE("unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE);

    /** Every problem type URI starts with this. */
    static final String TYPE_PREFIX = "https://orderflow.dev/problems/";

    private final URI type;
    private final String title;
    private final HttpStatus status;

    ProblemKind(String slug, String title, HttpStatus status) {
        this.type = URI.create(TYPE_PREFIX + slug);
        this.title = title;
        this.status = status;
    }

    URI type() {
        return type;
    }

    String title() {
        return title;
    }

    HttpStatus status() {
        return status;
    }

    /** The kind to report for a status Micronaut or a filter set without saying more. */
    static ProblemKind forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 408 -> REQUEST_TIMEOUT;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : MALFORMED_REQUEST;
        };
    }
}
