package dev.orderflow.adapters.rest;

import java.util.List;

/**
 * The request's input was refused while mapping it to the domain; answered with a validation problem that
 * lists every offending input. Thrown before anything is changed.
 */
final class InvalidRequest extends RuntimeException {

    private final List<Problem.FieldError> errors;

    InvalidRequest(List<Problem.FieldError> errors) {
        super("invalid request: " + errors.size() + " errors", null, false, false);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid request has at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    static InvalidRequest of(Problem.FieldError error) {
        return new InvalidRequest(List.of(error));
    }

    List<Problem.FieldError> errors() {
        return errors;
    }
}
