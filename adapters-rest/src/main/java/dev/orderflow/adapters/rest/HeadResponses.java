package dev.orderflow.adapters.rest;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.MessageBodyHandlerRegistry;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.RouteExecutor;
import io.micronaut.web.router.RouteAttributes;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A {@code HEAD} is answered with the status and header fields its {@code GET} would get (RFC 9110, 9.3.2),
 * {@code Content-Type} and {@code Content-Length} included. Micronaut 4 sets the body of a {@code HEAD} response
 * aside before it is encoded, so both were missing, and for want of a length the server closed the connection
 * after every {@code HEAD} (micronaut-core #3685). Here, once every other filter is done with the response, a JSON
 * body is encoded as the {@code GET} would encode it, only to be measured; Micronaut sends no body with a
 * {@code HEAD}. A body that is not JSON (a static file) is left as it was.
 */
@ServerFilter(value = ServerFilter.MATCH_ALL_PATTERN, methods = HttpMethod.HEAD) // no other request runs it
final class HeadResponses implements Ordered {

    private final MessageBodyHandlerRegistry bodies;
    private final RouteExecutor routes;

    HeadResponses(MessageBodyHandlerRegistry bodies, RouteExecutor routes) {
        this.bodies = bodies;
        this.routes = routes;
    }

    /** The response side of one of the outermost filters ({@link #getOrder}): after every filter that changes it. */
    @ResponseFilter
    void describe(HttpRequest<?> request, MutableHttpResponse<?> response) {
        // a filter's refusal (401, 503) still holds its body; a route's is set aside
        Object body = response.getBody().map(Object.class::cast).or(() -> RouteAttributes.getHeadBody(response))
                .orElse(null);
        if (body == null || response.getHeaders().contentLength().isPresent()) {
            return;
        }
        var type = response.getContentType().or(() -> RouteAttributes.getRouteInfo(response)
                .map(route -> routes.resolveDefaultResponseContentType(request, route)));
        if (type.isPresent() && type.get().getExtension().equals(MediaType.EXTENSION_JSON)) {
            measure(Argument.ofInstance(body), type.get(), body, response);
        }
    }

    private <T> void measure(Argument<T> argument, MediaType type, T body, MutableHttpResponse<?> response) {
        var encoded = new ByteArrayOutputStream();
        bodies.getWriter(argument, List.of(type)).writeTo(argument, type, body, response.getHeaders(), encoded);
        response.contentType(type).contentLength(encoded.size());
    }

    @Override
    public int getOrder() {
        // the filters that change a body (the health filter at FIRST.after()) have their response side before
        return ServerFilterPhase.FIRST.order();
    }
}
