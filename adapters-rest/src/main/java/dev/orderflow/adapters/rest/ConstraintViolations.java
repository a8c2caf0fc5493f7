package dev.orderflow.adapters.rest;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.constraints.Size;
import java.util.Comparator;

/**
 * Answers Bean Validation failures with a validation problem whose errors point into the request: a JSON
 * pointer ({@code /lines/0/quantity}) for the body, the parameter name for query parameters.
 */
@Produces
@Singleton
@Replaces(ConstraintExceptionHandler.class)
final class ConstraintViolations implements ExceptionHandler<ConstraintViolationException, HttpResponse<Problem>> {

    /** Controller methods name their {@code @Body} parameter this. */
    static final String BODY_PARAMETER = "body";

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ConstraintViolationException exception) {
        var errors = exception.getConstraintViolations().stream()
                .map(ConstraintViolations::error)
                .sorted(Comparator.comparing(ConstraintViolations::location))
                .toList();
        return Problems.validation(request, errors);
    }

    static Problem.FieldError error(ConstraintViolation<?> violation) {
        var pointer = new StringBuilder();
        String parameter = null;
        for (var node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.METHOD || parameter == null) {
                continue;
            }
            if (node.getIndex() != null) {
                pointer.append('/').append(node.getIndex());
            }
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.BEAN) {
                pointer.append('/').append(escape(node.getName()));
            }
        }
        var detail = detail(violation);
        return BODY_PARAMETER.equals(parameter) || parameter == null
                ? Problem.FieldError.body(pointer.isEmpty() ? "" : pointer.toString(), detail)
                : Problem.FieldError.parameter(parameter, detail);
    }

    /**
     * Bean Validation's message, but for the length of a text: "size must be between 0 and 64" reads as if an
     * empty text were allowed where {@code @NotBlank} or the domain needs one character at least.
     */
    private static String detail(ConstraintViolation<?> violation) {
        if (violation.getConstraintDescriptor().getAnnotation() instanceof Size size
                && violation.getInvalidValue() instanceof CharSequence) {
            if (size.min() == size.max()) {
                return "must be " + size.max() + " characters long";
            }
            return size.min() <= 1 ? "must be at most " + size.max() + " characters long"
                    : "must be " + size.min() + " to " + size.max() + " characters long";
        }
        return violation.getMessage();
    }

    private static String location(Problem.FieldError error) {
        return error.pointer() != null ? error.pointer() : "?" + error.parameter();
    }

    // RFC 6901
    private static String escape(String name) {
        return name == null ? "" : name.replace("~", "~0").replace("/", "~1");
    }
}
