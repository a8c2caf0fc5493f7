package dev.orderflow.bootstrap;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.filter.HealthResultFilter;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.web.router.RouteAttributes;
import java.util.Map;

/**
 * The answer of {@code /health}, {@code /health/liveness} and {@code /health/readiness}: the status code of the
 * health status ({@code 503} when DOWN, by {@code endpoints.health.status.http-mapping}), and the details
 * (database URL, broker addresses, pool figures) only for the {@code admin} role; every other caller gets the
 * status alone.
 *
 * <p>This replaces Micronaut's {@link HealthResultFilter}, which set the code. The two had to run in a set order
 * (in the AOT-packaged jar this one once ran first, and readiness answered {@code 200 {"status":"DOWN"}}), and
 * Micronaut's never saw the body of a {@code HEAD}, which is set aside before the filters run: a {@code HEAD} probe
 * got {@code 200} while the service was DOWN.
 */
@Replaces(HealthResultFilter.class)
@Requires(beans = HealthEndpoint.class) // as the filter it replaces: none without the endpoint
@ServerFilter({"/health", "/health/**"})
final class AdminHealth implements Ordered {

    static final String ADMIN = "admin";

    private final HealthEndpoint.StatusConfiguration codes;

    AdminHealth(HealthEndpoint endpoint) {
        this.codes = endpoint.getStatusConfiguration();
    }

    @ResponseFilter
    void answer(HttpRequest<?> request, MutableHttpResponse<?> response) {
        var body = response.getBody().map(Object.class::cast).or(() -> RouteAttributes.getHeadBody(response));
        if (!(body.orElse(null) instanceof HealthResult result)) {
            return;
        }
        var status = result.getStatus();
        var code = codes.getHttpMapping().get(status.getName());
        if (code != null) {
            response.status(code);
        } else if (!status.getOperational().orElse(true)) {
            response.status(HttpStatus.SERVICE_UNAVAILABLE);
        }
        var admin = request.getUserPrincipal(Authentication.class)
                .map(authentication -> authentication.getRoles().contains(ADMIN)).orElse(false);
        if (!admin) {
            response.body(Map.of("status", status.getName()));
        }
    }

    @Override
    public int getOrder() {
        // its response side runs before the outermost filters', which measure a HEAD's body (HeadResponses)
        return ServerFilterPhase.FIRST.after();
    }
}
