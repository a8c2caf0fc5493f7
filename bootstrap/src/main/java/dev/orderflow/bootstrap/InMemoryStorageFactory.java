package dev.orderflow.bootstrap;

import dev.orderflow.application.memory.InMemoryStorage;
import dev.orderflow.application.port.out.OrderStorage;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Storage of in-memory mode: the application layer's heap adapters, announced loudly at start. */
@Factory
@Requires(env = RunOptions.MEMORY_ENVIRONMENT)
final class InMemoryStorageFactory {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryStorageFactory.class);

    static final String BANNER = """
            ************************************************************************
            IN-MEMORY MODE: orders are kept in this process only and are LOST when
            it stops. No database is used. Not for production.
            (unset ORDERFLOW_STORAGE / drop --in-memory to store orders in PostgreSQL)
            ************************************************************************""";

    /** Created with the context, so that the warning is among the first lines of the log. */
    @Context
    OrderStorage storage() {
        LOG.warn("\n{}", BANNER);
        return InMemoryStorage.create();
    }
}
