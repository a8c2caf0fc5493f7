package dev.orderflow.bootstrap;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.security.authentication.Authentication;
import java.util.Map;

/**
 * Health details (database URL, broker addresses, pool figures) only for the {@code admin} role: every other
 * caller of {@code /health}, {@code /health/liveness} and {@code /health/readiness} gets the status alone,
 * with the same HTTP status code.
 *
 * <p>The status code comes from Micronaut's {@code HealthResultFilter}, which maps the {@link HealthResult} in the
 * body to 503 when DOWN; it has the default order 0, and so had this filter, which left their order to chance (in
 * the AOT-packaged jar this filter ran first and readiness answered {@code 200 {"status":"DOWN"}}). Ordered
 * before it, this filter's response side runs after it: the code is set before the body is replaced.
 */
@ServerFilter({"/health", "/health/**"})
final class AdminHealth implements Ordered {

    static final String ADMIN = "admin";

    @ResponseFilter
    void statusOnly(HttpRequest<?> request, MutableHttpResponse<?> response) {
        var admin = request.getUserPrincipal(Authentication.class)
                .map(authentication -> authentication.getRoles().contains(ADMIN)).orElse(false);
        if (!admin && response.getBody().orElse(null) instanceof HealthResult result) {
            response.body(Map.of("status", result.getStatus().getName()));
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }
}
