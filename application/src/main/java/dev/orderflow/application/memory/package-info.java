/**
 * In-memory implementations of every out-port, for tests and for embedding without a database: start with
 * {@link dev.orderflow.application.memory.InMemoryStorage}. They keep the same contracts as the database
 * adapters (versions, conflicts, all-or-nothing transactions, idempotency) and are safe to share between
 * threads. The null policy of {@link dev.orderflow.application} applies.
 */
package dev.orderflow.application.memory;
