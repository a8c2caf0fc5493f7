/**
 * Orders and the rules of their lifecycle: value types that cannot hold an invalid value, the sealed
 * {@link dev.orderflow.domain.OrderState}, {@link dev.orderflow.domain.OrderCommand} and
 * {@link dev.orderflow.domain.OrderEvent} hierarchies, and the pure functions
 * {@link dev.orderflow.domain.OrderLifecycle#decide} and {@link dev.orderflow.domain.OrderLifecycle#evolve}.
 *
 * <p>Null policy: no parameter, return value or record component in this package is ever {@code null};
 * passing {@code null} throws {@link NullPointerException}. Absent values are {@link java.util.Optional}
 * or, for optional text, the empty string.
 *
 * <p>Invalid values throw {@link dev.orderflow.domain.InvalidValueException} from the constructor that
 * was given them. The domain never reads a clock, makes random ids, logs or does I/O: time, ids and the
 * acting party arrive on the commands.
 */
package dev.orderflow.domain;
