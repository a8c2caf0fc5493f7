package dev.orderflow.adapters.rest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;

/**
 * Limits the API requests of {@code customer} principals, once the security filter has authenticated them.
 * Staff, services and admins are not limited; requests without a valid token are limited per client address
 * where they are refused ({@link AuthorizationProblems}).
 */
@ServerFilter("/api/**")
final class CustomerRateLimit implements Ordered {

    private static final String OUTCOME = "orderflow.rateLimit";

    private final RateLimits limits;

    CustomerRateLimit(RateLimits limits) {
        this.limits = limits;
    }

    /** Null lets the request through; a response refuses it. */
    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        var caller = request.getUserPrincipal(Authentication.class).flatMap(Caller::of);
        if (caller.isEmpty() || !(caller.get() instanceof Caller.Customer customer)) {
            return null;
        }
        return switch (limits.take(customer.principal())) {
            case RateLimits.Outcome.Allowed allowed -> {
                request.setAttribute(OUTCOME, allowed);
                yield null;
            }
            case RateLimits.Outcome.Limited limited -> limits.limited(request, limited);
        };
    }

    @ResponseFilter
    void describe(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(OUTCOME, RateLimits.Outcome.Allowed.class)
                .ifPresent(allowed -> limits.describe(response, allowed));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
