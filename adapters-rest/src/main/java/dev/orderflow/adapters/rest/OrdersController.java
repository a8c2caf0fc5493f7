package dev.orderflow.adapters.rest;

import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.application.port.in.ExpectedVersion;
import dev.orderflow.application.port.in.IdempotencyKey;
import dev.orderflow.application.port.in.IdempotentResult;
import dev.orderflow.application.port.in.OrderCommands;
import dev.orderflow.application.port.in.OrderQueries;
import dev.orderflow.application.port.in.StoredReply;
import dev.orderflow.domain.Actor;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.Rejection;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * REST API v1 over the order use cases. Blocking: the storage adapters behind the ports block, so requests
 * run on the blocking executor, never on the event loop. Every request needs a valid bearer token; what the
 * caller may do follows from its roles ({@link Caller}), and the actor on the events is the caller.
 */
@Controller(OrdersController.PATH)
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = ApiDocs.BEARER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Bounded
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "orders")
@ApiResponse(responseCode = "400", description = "Invalid input", content = @Content(
        mediaType = MediaType.APPLICATION_JSON_PROBLEM, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "401", description = "No valid bearer token (WWW-Authenticate: Bearer)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON_PROBLEM,
                schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "403", description = "The token's roles do not allow this", content = @Content(
        mediaType = MediaType.APPLICATION_JSON_PROBLEM, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "429", description = "Rate limited (Retry-After, RateLimit-Policy, RateLimit)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON_PROBLEM,
                schema = @Schema(implementation = Problem.class)))
class OrdersController {

    static final String PATH = "/api/v1/orders";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    static final String MDC_ORDER_ID = "orderId";

    private final OrderCommands commands;
    private final OrderQueries queries;
    private final PageCursors cursors;
    private final JsonMapper json;
    private final StoredReplies replies;

    OrdersController(OrderCommands commands, OrderQueries queries, PageCursors cursors, JsonMapper json) {
        this.commands = commands;
        this.queries = queries;
        this.cursors = cursors;
        this.json = json;
        this.replies = new StoredReplies(json);
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place an order", description = "With an Idempotency-Key, a retry of the same request "
            + "gets the first response again (header Idempotent-Replayed: true); the key with another body is "
            + "refused with 422, and while the first request is still running with 409.")
    @ApiResponse(responseCode = "201", description = "Placed; Location and ETag headers are set",
            content = @Content(schema = @Schema(implementation = OrderJson.Order.class)))
    @ApiResponse(responseCode = "409", description = "A request with this idempotency key is in progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_PROBLEM,
                    schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The idempotency key was used with another request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_PROBLEM,
                    schema = @Schema(implementation = Problem.class)))
    HttpResponse<?> place(HttpRequest<?> request, @Body @Valid OrderJson.PlaceOrder body,
                          @Parameter(description = "Makes retries safe: 1 to 255 visible ASCII characters")
                          @Nullable @Header(IDEMPOTENCY_KEY) String idempotencyKey,
                          Authentication authentication) {
        var caller = caller(authentication);
        var inputs = new Inputs();
        var key = idempotencyKey == null ? null : idempotencyKey(idempotencyKey, caller, inputs);
        inputs.check();
        var order = OrderMapping.newOrder(forCustomer(body, caller), caller.actor());
        if (key == null) {
            return send(placed(request, commands.place(order)));
        }
        return switch (commands.place(order, key, result -> stored(placed(request, result)))) {
            case IdempotentResult.Executed executed -> replay(executed.response(), false);
            case IdempotentResult.Replayed replayed -> replay(replayed.response(), true);
            case IdempotentResult.InFlight inFlight -> Problems.of(request, ProblemKind.IDEMPOTENCY_KEY_IN_FLIGHT,
                    "the first request with this idempotency key is still in progress; retry later");
            case IdempotentResult.KeyReused reused -> Problems.of(request, ProblemKind.IDEMPOTENCY_KEY_REUSE,
                    "this idempotency key was used for a different request; use a new key for a new request");
        };
    }

    @Get
    @Operation(summary = "List orders, newest first",
            description = "Keyset-paginated: follow nextCursor (or the Link header with rel=\"next\").")
    @ApiResponse(responseCode = "200", description = "A page of orders",
            content = @Content(schema = @Schema(implementation = OrderJson.Page.class)))
    HttpResponse<?> list(HttpRequest<?> request,
                         @Parameter(schema = @Schema(allowableValues = {"PENDING", "CONFIRMED", "SHIPPED",
                                 "DELIVERED", "CANCELLED"}))
                         @Nullable @Size(max = 16) @QueryValue String status,
                         @Nullable @Size(max = 64) @QueryValue String customerId,
                         @Parameter(description = "Placed at or after (ISO-8601, inclusive)",
                                 schema = @Schema(format = "date-time"))
                         @Nullable @Size(max = Listing.MAX_INSTANT_LENGTH) @QueryValue String placedFrom,
                         @Parameter(description = "Placed before (ISO-8601, exclusive)",
                                 schema = @Schema(format = "date-time"))
                         @Nullable @Size(max = Listing.MAX_INSTANT_LENGTH) @QueryValue String placedBefore,
                         @Parameter(description = "Page size, 1 to 200 (default 50)",
                                 schema = @Schema(type = "integer", minimum = "1", maximum = "200"))
                         @Nullable @Size(max = 8) @QueryValue String limit,
                         @Parameter(description = "nextCursor of the previous page, for the same filters")
                         @Nullable @Size(max = PageCursors.MAX_LENGTH) @QueryValue String cursor,
                         Authentication authentication) {
        var customer = customerId;
        if (caller(authentication) instanceof Caller.Customer own) {
            if (customerId != null && !customerId.equals(own.id().value())) {
                throw new AccessDenied("a customer lists its own orders only: omit customerId or send your own");
            }
            customer = own.id().value();
        }
        var listing = Listing.parse(status, customer, placedFrom, placedBefore, limit, cursor, cursors);
        var page = queries.list(listing.filter(), listing.page());
        var next = page.next().map(position -> cursors.encode(position, listing.filter()));
        var response = HttpResponse.ok(new OrderJson.Page(page.items().stream().map(OrderMapping::json).toList(),
                next.orElse(null)));
        next.ifPresent(token -> response.header(HttpHeaders.LINK,
                "<" + listing.nextPage(PATH, token) + ">; rel=\"next\""));
        return response;
    }

    @Get("/{id}")
    @Operation(summary = "Get an order", description = "If-None-Match with the current ETag gives 304.")
    @ApiResponse(responseCode = "200", description = "The order; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = OrderJson.Order.class)))
    @ApiResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @ApiResponse(responseCode = "404", description = "No such order", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_PROBLEM, schema = @Schema(implementation = Problem.class)))
    HttpResponse<?> get(HttpRequest<?> request, @PathVariable String id,
                        @Nullable @Header(EntityTags.IF_NONE_MATCH) String ifNoneMatch,
                        Authentication authentication) {
        var caller = caller(authentication);
        var orderId = orderId(id);
        return concerning(orderId, () -> queries.get(orderId).filter(order -> visible(caller, order))
                .<HttpResponse<?>>map(order -> EntityTags.matchesNone(ifNoneMatch, order)
                        ? HttpResponse.notModified().header(HttpHeaders.ETAG, EntityTags.of(order))
                        : HttpResponse.ok(OrderMapping.json(order)).header(HttpHeaders.ETAG, EntityTags.of(order)))
                .orElseGet(() -> notFound(request, orderId)));
    }

    @Get("/{id}/events")
    @Operation(summary = "The order's events, oldest first")
    @ApiResponse(responseCode = "200", description = "The events",
            content = @Content(schema = @Schema(implementation = OrderJson.History.class)))
    @ApiResponse(responseCode = "404", description = "No such order", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_PROBLEM, schema = @Schema(implementation = Problem.class)))
    HttpResponse<?> events(HttpRequest<?> request, @PathVariable String id, Authentication authentication) {
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

    @Post("/{id}/confirm")
    @Operation(summary = "Confirm a pending order")
    @TransitionResponses
    HttpResponse<?> confirm(HttpRequest<?> request, @PathVariable String id,
                            @Nullable @Header(EntityTags.IF_MATCH) String ifMatch,
                            Authentication authentication) {
        return transition(request, id, ifMatch, staffOnly(authentication, "confirm"), inputs -> commands::confirm);
    }

    @Post("/{id}/ship")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ship a confirmed order with a carrier and tracking number")
    @TransitionResponses
    HttpResponse<?> ship(HttpRequest<?> request, @PathVariable String id, @Body @Valid OrderJson.Ship body,
                         @Nullable @Header(EntityTags.IF_MATCH) String ifMatch,
                         Authentication authentication) {
        return transition(request, id, ifMatch, staffOnly(authentication, "ship"), inputs -> {
            var carrier = OrderMapping.carrier(body, inputs);
            var trackingNumber = OrderMapping.trackingNumber(body, inputs);
            return (orderId, expected, who) -> commands.ship(orderId, expected, carrier, trackingNumber, who);
        });
    }

    @Post("/{id}/deliver")
    @Operation(summary = "Record that a shipped order was delivered")
    @TransitionResponses
    HttpResponse<?> deliver(HttpRequest<?> request, @PathVariable String id,
                            @Nullable @Header(EntityTags.IF_MATCH) String ifMatch,
                            Authentication authentication) {
        return transition(request, id, ifMatch, staffOnly(authentication, "deliver"), inputs -> commands::deliver);
    }

    @Post("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a pending or confirmed order, with a reason")
    @TransitionResponses
    HttpResponse<?> cancel(HttpRequest<?> request, @PathVariable String id, @Body @Valid OrderJson.Cancel body,
                           @Nullable @Header(EntityTags.IF_MATCH) String ifMatch,
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
        return concerning(orderId, () -> changed(request, transition.apply(orderId, expected, who)));
    }

    /** The answer to a placement, as stored under an idempotency key and sent. */
    private record Reply(HttpStatus status, Map<String, String> headers, Object body) {
    }

    private Reply placed(HttpRequest<?> request, CommandResult result) {
        if (result instanceof CommandResult.Accepted accepted) {
            var order = accepted.order();
            var headers = new LinkedHashMap<String, String>();
            headers.put(HttpHeaders.LOCATION, PATH + "/" + order.id());
            headers.put(HttpHeaders.ETAG, EntityTags.of(order));
            headers.put(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
            return new Reply(HttpStatus.CREATED, headers, OrderMapping.json(order));
        }
        var problem = refused(request, result);
        var headers = new LinkedHashMap<String, String>();
        problem.getHeaders().forEach((name, values) -> headers.put(name, values.getFirst()));
        headers.put(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_PROBLEM);
        return new Reply(problem.status(), headers, problem.body());
    }

    private StoredReply stored(Reply reply) {
        try {
            return replies.encode(new StoredReplies.HttpReply(reply.status().getCode(), reply.headers(),
                    json.writeValueAsString(reply.body())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the response", e);
        }
    }

    private MutableHttpResponse<?> replay(StoredReply stored, boolean replayed) {
        var response = replies.decode(stored);
        var http = HttpResponse.status(HttpStatus.valueOf(response.status()))
                .body(response.body().getBytes(StandardCharsets.UTF_8));
        response.headers().forEach(http::header);
        if (replayed) {
            http.header(IDEMPOTENT_REPLAYED, "true");
        }
        return http;
    }

    private static MutableHttpResponse<?> send(Reply reply) {
        var http = HttpResponse.status(reply.status()).body(reply.body());
        reply.headers().forEach(http::header);
        return http;
    }

    /** The answer to a transition. */
    private static MutableHttpResponse<?> changed(HttpRequest<?> request, CommandResult result) {
        if (result instanceof CommandResult.Accepted accepted) {
            return HttpResponse.ok(OrderMapping.json(accepted.order()))
                    .header(HttpHeaders.ETAG, EntityTags.of(accepted.order()));
        }
        return refused(request, result);
    }

    /** The problem for every outcome but acceptance. */
    private static MutableHttpResponse<Problem> refused(HttpRequest<?> request, CommandResult result) {
        return switch (result) {
            case CommandResult.Accepted accepted ->
                    throw new IllegalArgumentException("an accepted command is no problem");
            case CommandResult.NotFound notFound -> notFound(request, notFound.orderId());
            case CommandResult.VersionMismatch mismatch ->
                    Problems.preconditionFailed(request, mismatch.current().version())
                            .header(HttpHeaders.ETAG, EntityTags.of(mismatch.current()));
            case CommandResult.Conflict conflict -> Problems.of(request, ProblemKind.CONFLICT,
                    "the order kept changing while this request ran; fetch it again and retry");
            case CommandResult.Rejected rejected -> switch (rejected.rejection()) {
                case Rejection.InvalidTransition invalid -> Problems.invalidTransition(request, invalid.message(),
                        invalid.from().name());
                case Rejection.InvariantBroken broken -> Problems.validation(request,
                        List.of(Problem.FieldError.body("/" + broken.field(), broken.message())));
                case Rejection.NotPlaced notPlaced -> notFound(request, notPlaced.orderId());
                case Rejection.AlreadyPlaced placed -> Problems.of(request, ProblemKind.CONFLICT, placed.message());
            };
        };
    }

    private static MutableHttpResponse<Problem> notFound(HttpRequest<?> request, OrderId id) {
        return Problems.of(request, ProblemKind.NOT_FOUND, "there is no order " + id);
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

    /** The caller the token names; a token without an order role is refused. */
    private static Caller caller(Authentication authentication) {
        return Caller.of(authentication).orElseThrow(() -> new AccessDenied(
                "the token holds none of the roles customer, staff, service or admin, or its sub cannot name one"));
    }

    /** The caller, unless it is a customer: only staff, services and admins move an order on. */
    private static Caller staffOnly(Authentication authentication, String action) {
        var caller = caller(authentication);
        if (caller instanceof Caller.Customer) {
            throw new AccessDenied("a customer cannot " + action + " an order");
        }
        return caller;
    }

    /** Customers see their own orders only; to them another's order does not exist, so ids cannot be probed. */
    private static boolean visible(Caller caller, Order order) {
        return switch (caller) {
            case Caller.Customer customer -> customer.owns(order.details().customerId());
            case Caller.Staff staff -> true;
            case Caller.Service service -> true;
        };
    }

    /** The order as placed: a customer's own (customerId omitted or its own), anyone's for staff and services. */
    private static OrderJson.PlaceOrder forCustomer(OrderJson.PlaceOrder body, Caller caller) {
        var customerId = switch (caller) {
            case Caller.Customer customer -> {
                if (body.customerId() != null && !body.customerId().equals(customer.id().value())) {
                    throw new AccessDenied("a customer places orders for itself only: omit customerId or send your own");
                }
                yield customer.id().value();
            }
            case Caller.Staff staff -> body.customerId();
            case Caller.Service service -> body.customerId();
        };
        if (customerId == null) {
            throw InvalidRequest.of(Problem.FieldError.body("/customerId", "is required"));
        }
        return new OrderJson.PlaceOrder(customerId, body.lines(), body.shippingAddress());
    }

    /**
     * The key as stored: scoped to the principal (a hash of principal and key), so the same key sent by two
     * principals names two different requests.
     */
    private static IdempotencyKey idempotencyKey(String header, Caller caller, Inputs inputs) {
        try {
            var sent = new IdempotencyKey(header);
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(caller.principal().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(sent.value().getBytes(StandardCharsets.UTF_8));
            return new IdempotencyKey("p1:" + HexFormat.of().formatHex(digest.digest()));
        } catch (IllegalArgumentException e) {
            inputs.add(Problem.FieldError.header(IDEMPOTENCY_KEY, e.getMessage()));
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
