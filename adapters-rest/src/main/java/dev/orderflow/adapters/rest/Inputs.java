package dev.orderflow.adapters.rest;

import dev.orderflow.domain.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Collects the refusals of the domain's value constructors while a request is mapped, so that one answer
 * lists all of them, each at the place the client sent it.
 */
final class Inputs {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    /**
     * The value, or null after recording why it was refused. The domain names the refused field relative
     * to the value ({@code quantity}, {@code city}); {@code pointer} says where that value sits in the body.
     */
    <T> T body(String pointer, Supplier<T> value) {
        return read(value, e -> Problem.FieldError.body(pointer + "/" + e.field(), e.getMessage()));
    }

    /** The value of a query or path parameter, or null after recording why it was refused. */
    <T> T parameter(String name, Supplier<T> value) {
        return read(value, e -> Problem.FieldError.parameter(name, e.getMessage()));
    }

    /** The value of a header, or null after recording why it was refused. */
    <T> T header(String name, Supplier<T> value) {
        return read(value, e -> Problem.FieldError.header(name, e.getMessage()));
    }

    void add(Problem.FieldError error) {
        errors.add(error);
    }

    /** Throws {@link InvalidRequest} if anything was refused. */
    void check() {
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }

    private <T> T read(Supplier<T> value, Function<InvalidValueException, Problem.FieldError> error) {
        try {
            return value.get();
        } catch (InvalidValueException e) {
            errors.add(error.apply(e));
            return null;
        }
    }
}
