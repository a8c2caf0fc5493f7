package dev.orderflow.bootstrap;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.security.authentication.Authentication;
import java.util.Map;

/**
 * Health details (database URL, broker addresses, pool figures) only for the {@code admin} role: every other
 * caller of {@code /health}, {@code /health/liveness} and {@code /health/readiness} gets the status alone,
 * with the same HTTP status code.
 */
@ServerFilter({"/health", "/health/**"})
final class AdminHealth {

    static final String ADMIN = "admin";

    @ResponseFilter
    void statusOnly(HttpRequest<?> request, MutableHttpResponse<?> response) {
        var admin = request.getUserPrincipal(Authentication.class)
                .map(authentication -> authentication.getRoles().contains(ADMIN)).orElse(false);
        if (!admin && response.getBody().orElse(null) instanceof HealthResult result) {
            response.body(Map.of("status", result.getStatus().getName()));
        }
    }
}
