package dev.orderflow.adapters.rest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * The HTTP contract of REST API v1 for orders: routes, bindings, input limits and the OpenAPI description.
 * {@link OrdersController} implements it; Micronaut reads these annotations through the implementation. Two
 * quirks of the OpenAPI processor, which the generated document shows: it reads nullability on the
 * implementation, so {@code @Nullable} is repeated there; and it adds a default 200 response unless the
 * responses come through {@code @Operation(responses)}, a 200 of their own or an {@code @Inherited} annotation
 * such as {@link TransitionResponses}, so place's 201 sits inside its {@code @Operation}.
 */
@SecurityRequirement(name = ApiDocs.BEARER)
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
interface OrdersApi {

    String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place an order", description = "With an Idempotency-Key, a retry of the same request "
            + "gets the first response again (header Idempotent-Replayed: true); the key with another body is "
            + "refused with 422, and while the first request is still running with 409.", responses = {
                @ApiResponse(responseCode = "201", description = "Placed; Location and ETag headers are set",
                        content = @Content(schema = @Schema(implementation = OrderJson.Order.class))),
                @ApiResponse(responseCode = "409", description = "A request with this idempotency key is in progress",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_PROBLEM,
                                schema = @Schema(implementation = Problem.class))),
                @ApiResponse(responseCode = "422", description = "The idempotency key was used with another request",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_PROBLEM,
                                schema = @Schema(implementation = Problem.class)))})
    HttpResponse<?> place(HttpRequest<?> request, @Body @Valid OrderJson.PlaceOrder body,
                          @Parameter(description = "Makes retries safe: 1 to 255 visible ASCII characters")
                          @Nullable @Header(IDEMPOTENCY_KEY) String idempotencyKey,
                          Authentication authentication);

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
                         Authentication authentication);

    @Get("/{id}")
    @Operation(summary = "Get an order", description = "If-None-Match with the current ETag gives 304.")
    @ApiResponse(responseCode = "200", description = "The order; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = OrderJson.Order.class)))
    @ApiResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @ApiResponse(responseCode = "404", description = "No such order", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_PROBLEM, schema = @Schema(implementation = Problem.class)))
    HttpResponse<?> get(HttpRequest<?> request, @PathVariable String id,
                        @Nullable @Header(EntityTags.IF_NONE_MATCH) String ifNoneMatch,
                        Authentication authentication);

    @Get("/{id}/events")
    @Operation(summary = "The order's events, oldest first")
    @ApiResponse(responseCode = "200", description = "The events",
            content = @Content(schema = @Schema(implementation = OrderJson.History.class)))
    @ApiResponse(responseCode = "404", description = "No such order", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_PROBLEM, schema = @Schema(implementation = Problem.class)))
    HttpResponse<?> events(HttpRequest<?> request, @PathVariable String id, Authentication authentication);

    @Post("/{id}/confirm")
    @Operation(summary = "Confirm a pending order")
    @TransitionResponses
    HttpResponse<?> confirm(HttpRequest<?> request, @PathVariable String id,
                            @Nullable @Header(EntityTags.IF_MATCH) String ifMatch,
                            Authentication authentication);

    @Post("/{id}/ship")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ship a confirmed order with a carrier and tracking number")
    @TransitionResponses
    HttpResponse<?> ship(HttpRequest<?> request, @PathVariable String id, @Body @Valid OrderJson.Ship body,
                         @Nullable @Header(EntityTags.IF_MATCH) String ifMatch,
                         Authentication authentication);

    @Post("/{id}/deliver")
    @Operation(summary = "Record that a shipped order was delivered")
    @TransitionResponses
    HttpResponse<?> deliver(HttpRequest<?> request, @PathVariable String id,
                            @Nullable @Header(EntityTags.IF_MATCH) String ifMatch,
                            Authentication authentication);

    @Post("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a pending or confirmed order, with a reason")
    @TransitionResponses
    HttpResponse<?> cancel(HttpRequest<?> request, @PathVariable String id, @Body @Valid OrderJson.Cancel body,
                           @Nullable @Header(EntityTags.IF_MATCH) String ifMatch,
                           Authentication authentication);
}
