package dev.orderflow.adapters.rest;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An RFC 9457 problem detail. Besides the standard members it carries the request id (also in the log),
 * field errors of a validation problem, and for order conflicts the order's current status or version.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail (application/problem+json)")
record Problem(
        @Schema(requiredMode = REQUIRED, example = "https://orderflow.dev/problems/validation") String type,
        String title,
        int status,
        String detail,
        @Schema(requiredMode = REQUIRED,
                description = "The request's correlation id, as in the X-Request-Id header and the logs")
        String requestId,
        @Schema(description = "For validation problems: one entry per offending field") List<FieldError> errors,
        @Schema(description = "For invalid-transition problems: the order's status now") String currentStatus,
        @Schema(description = "For precondition-failed problems: the order's version now") Long currentVersion) {

    /**
     * One offending input. Exactly one of {@code pointer} (a JSON pointer into the request body, RFC 6901),
     * {@code parameter} (a query or path parameter) or {@code header} says where it is.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FieldError")
    record FieldError(@Nullable @Schema(example = "/lines/0/quantity") String pointer, @Nullable String parameter,
                      @Nullable String header, String detail) {

        static FieldError body(String pointer, String detail) {
            return new FieldError(pointer, null, null, detail);
        }

        static FieldError parameter(String name, String detail) {
            return new FieldError(null, name, null, detail);
        }

        static FieldError header(String name, String detail) {
            return new FieldError(null, null, name, detail);
        }
    }
}
