/**
 * What orderflow needs from the outside world: storage of orders, their events, the outbox and
 * idempotency keys, atomic transactions and order ids. Every implementation must pass the contract tests
 * published in this module's test-jar. The null policy of {@link dev.orderflow.application} applies.
 */
package dev.orderflow.application.port.out;
