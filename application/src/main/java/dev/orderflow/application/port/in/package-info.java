/**
 * What the outside world may ask of orderflow: {@link dev.orderflow.application.port.in.OrderCommands}
 * to change orders and {@link dev.orderflow.application.port.in.OrderQueries} to read them, with the
 * request and result types they use. The null policy of {@link dev.orderflow.application} applies.
 */
package dev.orderflow.application.port.in;
