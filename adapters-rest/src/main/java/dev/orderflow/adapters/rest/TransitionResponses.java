package dev.orderflow.adapters.rest;

import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OpenAPI description of the responses every transition endpoint shares. {@code @Inherited}, because it
 * is declared on {@link OrdersApi}: without it the OpenAPI processor does not see it on the controller.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "200", description = "Done; the ETag header holds the new version",
        content = @Content(schema = @Schema(implementation = OrderJson.Order.class)))
@ApiResponse(responseCode = "404", description = "No such order", content = @Content(
        mediaType = MediaType.APPLICATION_JSON_PROBLEM, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "409", description = "Not allowed in the order's current status (see currentStatus), "
        + "or changed concurrently", content = @Content(
        mediaType = MediaType.APPLICATION_JSON_PROBLEM, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "412", description = "If-Match does not name the current version", content = @Content(
        mediaType = MediaType.APPLICATION_JSON_PROBLEM, schema = @Schema(implementation = Problem.class)))
@interface TransitionResponses {
}
