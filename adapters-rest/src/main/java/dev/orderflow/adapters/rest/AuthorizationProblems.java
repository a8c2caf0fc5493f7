package dev.orderflow.adapters.rest;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Refusals of the security filter and of the controllers as problem+json: without a valid token 401 with
 * {@code WWW-Authenticate: Bearer} (RFC 6750), or 429 once the client address is past its rate limit; with a
 * token whose roles do not allow the action 403. None says whether the thing asked for exists.
 */
@Produces
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
final class AuthorizationProblems implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    static final String CHALLENGE = "Bearer realm=\"orderflow\", error=\"invalid_token\"";

    private final RateLimits limits;

    AuthorizationProblems(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return forbidden(request, "the token's roles do not allow this request");
        }
        // requests without a valid token are limited per client address, so that guessing costs time
        if (limits.take(RateLimits.address(request)) instanceof RateLimits.Outcome.Limited limited) {
            return limits.limited(request, limited);
        }
        return Problems.of(request, ProblemKind.UNAUTHORIZED, "send a valid token as 'Authorization: Bearer "
                + "<JWT>'; it is missing, malformed, expired, not yet valid or not signed by a trusted key")
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    }

    static MutableHttpResponse<Problem> forbidden(HttpRequest<?> request, String detail) {
        return Problems.of(request, ProblemKind.FORBIDDEN, detail);
    }

    /** Answers {@link AccessDenied} from the controllers. */
    @Produces
    @Singleton
    static final class Denied implements ExceptionHandler<AccessDenied, MutableHttpResponse<?>> {
        @Override
        public MutableHttpResponse<?> handle(HttpRequest request, AccessDenied exception) {
            return forbidden(request, exception.getMessage());
        }
    }
}
