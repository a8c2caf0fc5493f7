package dev.orderflow.adapters.rest;

import dev.orderflow.domain.InvalidValueException;
import dev.orderflow.domain.OrderId;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import java.security.Principal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log line per request on the logger {@value #LOGGER}: method, route template (never the raw path, which
 * holds ids), status, duration in milliseconds, request id, the principal's name when there is one, and the id of
 * the order the request is about (its path's, or the one a POST created). In the JSON log format these are fields
 * of the line. On unless {@code orderflow.access-log} (env
 * {@code ORDERFLOW_ACCESS_LOG}) is {@code false}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = AccessLog.ENABLED, notEquals = "false")
final class AccessLog implements Ordered {

    static final String ENABLED = "orderflow.access-log";
    static final String LOGGER = "orderflow.access";
    private static final String STARTED = "orderflow.access.started";
    private static final String NO_ROUTE = "(no route)";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @RequestFilter
    void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        long started = request.getAttribute(STARTED, Long.class).orElseGet(System::nanoTime);
        long millis = (System.nanoTime() - started) / 1_000_000;
        var route = BasicHttpAttributes.getUriTemplate(request).orElse(NO_ROUTE);
        var principal = request.getUserPrincipal().map(Principal::getName).orElse(null);
        var line = LOG.atInfo()
                .addKeyValue("method", request.getMethodName())
                .addKeyValue("route", route)
                .addKeyValue("status", response.code())
                .addKeyValue("durationMs", millis);
        if (MDC.get(RequestIds.MDC_KEY) == null) { // else the MDC puts it on the line already
            line = line.addKeyValue(RequestIds.MDC_KEY, RequestIds.of(request));
        }
        if (principal != null) {
            line = line.addKeyValue("principal", principal);
        }
        var order = orderId(request, response, route);
        if (order.isPresent()) {
            line = line.addKeyValue(OrdersController.MDC_ORDER_ID, order.get());
        }
        line.log("{} {} {} {} ms", request.getMethodName(), route, response.code(), millis);
    }

    /** The order a request under /api/v1/orders is about: its path's id, or the one a POST created; if valid. */
    private static Optional<String> orderId(HttpRequest<?> request, HttpResponse<?> response, String route) {
        if (!route.startsWith(OrdersController.PATH)) {
            return Optional.empty();
        }
        var text = RouteAttributes.getRouteMatch(request).map(match -> match.getVariableValues().get("id"))
                .map(Object::toString)
                .or(() -> response.code() == HttpStatus.CREATED.getCode()
                        ? response.getHeaders().findFirst(HttpHeaders.LOCATION)
                                .map(location -> location.substring(location.lastIndexOf('/') + 1))
                        : Optional.empty());
        try {
            return text.map(id -> OrderId.parse(id).toString());
        } catch (InvalidValueException notAnOrderId) {
            return Optional.empty();
        }
    }

    @Override
    public int getOrder() {
        // right after the request id: the duration covers every other filter, and the status is the final one
        return ServerFilterPhase.FIRST.order();
    }
}
