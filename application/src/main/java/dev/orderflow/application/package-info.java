/**
 * {@link dev.orderflow.application.OrderService}, which carries out the use cases of
 * {@link dev.orderflow.application.port.in} on the ports of {@link dev.orderflow.application.port.out}.
 *
 * <p>Null policy, for this package and every package under it: no parameter, return value or record
 * component is {@code null}; absent values are {@link java.util.Optional}. Expected outcomes (not found,
 * rejected, conflict, key reused) are sealed result values; exceptions mean a bug or broken infrastructure.
 */
package dev.orderflow.application;
