package dev.orderflow.adapters.rest;

import static dev.orderflow.adapters.rest.CommandOutcomes.notFound;
import static dev.orderflow.adapters.rest.OrderAccess.caller;
import static dev.orderflow.adapters.rest.OrderAccess.staffOnly;
import static dev.orderflow.adapters.rest.OrderAccess.visible;

import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.application.port.in.ExpectedVersion;
import dev.orderflow.application.port.in.OrderCommands;
import dev.orderflow.application.port.in.OrderQueries;
import dev.orderflow.domain.Actor;
import dev.orderflow.domain.OrderId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * REST API v1 over the order use cases; {@link OrdersApi} declares the routes, bindings and documentation.
 * Blocking: the storage adapters behind the ports block, so requests run on platform threads of their own
 * ({@link ApiThreads}), never on the event loop; how many run at once is bounded before they get here
 * ({@link Backpressure}). Every request needs a valid bearer token; what the caller may do follows from its roles
 * ({@link OrderAccess}), and the actor on the events is the caller.
 */
@Controller(OrdersController.PATH)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(ApiThreads.EXECUTOR)
@Produces(MediaType.APPLICATION_JSON)
class OrdersController implements OrdersApi {

    static final String PATH = "/api/v1/orders";
    static final String MDC_ORDER_ID = "orderId";

    private final OrderCommands commands;
    private final OrderQueries queries;
    private final PageCursors cursors;
    private final IdempotentPlacements placements;

    OrdersController(OrderCommands commands, OrderQueries queries, PageCursors cursors, JsonMapper json) {
        this.commands = commands;
        this.queries = queries;
        this.cursors = cursors;
        this.placements = new IdempotentPlacements(json);
    }

    @Override
    public HttpResponse<?> place(HttpRequest<?> request, OrderJson.PlaceOrder body,
                                 @Nullable String idempotencyKey,
                                 Authentication authentication) {
        var caller = caller(authentication);
        var inputs = new Inputs();
        var key = idempotencyKey == null ? null : IdempotentPlacements.key(idempotencyKey, caller, inputs);
        if (request.getHeaders().getAll(OrdersApi.IDEMPOTENCY_KEY).size() > 1) {
            // which one a retry would send is anyone's guess: with the other, it would place the order again
            inputs.add(Problem.FieldError.header(OrdersApi.IDEMPOTENCY_KEY, "must be sent once"));
        }
        inputs.check();
        var order = OrderMapping.newOrder(OrderAccess.placedBy(caller, body), caller.actor());
        if (key == null) {
            return placements.sent(request, commands.place(order));
        }
        return placements.answer(request, commands.place(order, key, result -> placements.stored(request, result)));
    }

    @Override
    public HttpResponse<?> list(HttpRequest<?> request, @Nullable String status, @Nullable String customerId,
                                @Nullable String placedFrom, @Nullable String placedBefore, @Nullable String limit,
                                @Nullable String cursor, Authentication authentication) {
        var customer = OrderAccess.listedCustomer(caller(authentication), customerId);
        var listing = Listing.parse(status, customer, placedFrom, placedBefore, limit, cursor, cursors);
        var page = queries.list(listing.filter(), listing.page());
        var next = page.next().map(position -> cursors.encode(position, listing.filter()));
        var response = HttpResponse.ok(new OrderJson.Page(page.items().stream().map(OrderMapping::json).toList(),
                next.orElse(null)));
        next.ifPresent(token -> response.header(HttpHeaders.LINK,
                "<" + listing.nextPage(PATH, token) + ">; rel=\"next\""));
        return response;
    }

    @Override
    public HttpResponse<?> get(HttpRequest<?> request, String id, @Nullable String ifNoneMatch,
                               Authentication authentication) {
        var caller = caller(authentication);
        var orderId = orderId(id);
        return concerning(orderId, () -> queries.get(orderId).filter(order -> visible(caller, order))
                .<HttpResponse<?>>map(order -> EntityTags.matchesNone(ifNoneMatch, order)
                        ? HttpResponse.notModified().header(HttpHeaders.ETAG, EntityTags.of(order))
                        : HttpResponse.ok(OrderMapping.json(order)).header(HttpHeaders.ETAG, EntityTags.of(order)))
                .orElseGet(() -> notFound(request, orderId)));
    }

    @Override
    public HttpResponse<?> events(HttpRequest<?> request, String id, Authentication authentication) {
        var caller = caller(authentication);
        var orderId = orderId(id);
        if (caller instanceof Caller.Customer && queries.get(orderId).filter(o -> visible(caller, o)).isEmpty()) {
            return notFound(request, orderId);
        }
        return concerning(orderId, () -> queries.history(orderId)
                .<HttpResponse<?>>map(events -> HttpResponse.ok(
                        new OrderJson.History(events.stream().map(OrderMapping::json).toList())))
                .orElseGet(() -> notFound(request, orderId)));
    }

    @Override
    public HttpResponse<?> confirm(HttpRequest<?> request, String id, @Nullable String ifMatch,
                                   Authentication authentication) {
        return transition(request, id, ifMatch, staffOnly(authentication, "confirm"), inputs -> commands::confirm);
    }

    @Override
    public HttpResponse<?> ship(HttpRequest<?> request, String id, OrderJson.Ship body,
                                @Nullable String ifMatch, Authentication authentication) {
        return transition(request, id, ifMatch, staffOnly(authentication, "ship"), inputs -> {
            var carrier = OrderMapping.carrier(body, inputs);
            var trackingNumber = OrderMapping.trackingNumber(body, inputs);
            return (orderId, expected, who) -> commands.ship(orderId, expected, carrier, trackingNumber, who);
        });
    }

    @Override
    public HttpResponse<?> deliver(HttpRequest<?> request, String id, @Nullable String ifMatch,
                                   Authentication authentication) {
        return transition(request, id, ifMatch, staffOnly(authentication, "deliver"), inputs -> commands::deliver);
    }

    @Override
    public HttpResponse<?> cancel(HttpRequest<?> request, String id, OrderJson.Cancel body,
                                  @Nullable String ifMatch,
                                  Authentication authentication) {
        var caller = caller(authentication);
        if (caller instanceof Caller.Customer) {
            var orderId = orderId(id);
            if (queries.get(orderId).filter(order -> visible(caller, order)).isEmpty()) {
                return notFound(request, orderId);
            }
        }
        return transition(request, id, ifMatch, caller, inputs -> {
            var reason = OrderMapping.reason(body, inputs);
            return (orderId, expected, who) -> commands.cancel(orderId, expected, reason, who);
        });
    }

    /** A lifecycle command with everything but the order, its expected version and the actor bound. */
    @FunctionalInterface
    private interface Transition {
        CommandResult apply(OrderId id, ExpectedVersion expected, Actor actor);
    }

    /**
     * Reads the order id and {@code If-Match}, and with {@code command} the body, reporting every
     * invalid input at once; then runs the command with the order id in the MDC.
     */
    private static HttpResponse<?> transition(HttpRequest<?> request, String id, String ifMatch, Caller caller,
                                              Function<Inputs, Transition> command) {
        var inputs = new Inputs();
        var orderId = inputs.parameter("id", () -> OrderId.parse(id));
        var who = caller.actor();
        var transition = command.apply(inputs);
        inputs.check();
        var expected = EntityTags.expected(ifMatch);
        return concerning(orderId,
                () -> CommandOutcomes.changed(request, transition.apply(orderId, expected, who)));
    }

    /** Runs a request about one order with its id in the MDC, so that every log line names it. */
    private static HttpResponse<?> concerning(OrderId id, Supplier<HttpResponse<?>> handling) {
        try (var ignored = MDC.putCloseable(MDC_ORDER_ID, id.toString())) {
            return handling.get();
        }
    }

    private static OrderId orderId(String text) {
        var inputs = new Inputs();
        var id = inputs.parameter("id", () -> OrderId.parse(text));
        inputs.check();
        return id;
    }
}
