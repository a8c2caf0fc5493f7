/**
 * PostgreSQL adapters of orderflow's storage ports, the schema's Flyway migrations, and the embedded
 * PostgreSQL used when no server is configured. Start with {@link dev.orderflow.adapters.persistence.PostgresStorage};
 * everything else is internal. Nothing here is null unless documented.
 */
package dev.orderflow.adapters.persistence;
