package dev.orderflow.bootstrap;

import dev.orderflow.adapters.persistence.PostgresStorage;
import dev.orderflow.application.memory.InMemoryStorage;
import dev.orderflow.application.port.out.OrderStorage;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Storage of in-memory mode: the application layer's heap adapters, announced loudly at start. */
@Factory
@Requires(property = PostgresStorage.STORAGE, value = PostgresStorage.MEMORY)
final class InMemoryStorageFactory {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryStorageFactory.class);

    static final String BANNER = """
            ************************************************************************
            IN-MEMORY MODE: orders are kept in this process only and are LOST when
            it stops. No database is used. Not for production.
            (unset ORDERFLOW_STORAGE / drop --in-memory to store orders in PostgreSQL)
            ************************************************************************""";

    @Singleton
    OrderStorage storage() {
        LOG.warn("\n{}", BANNER);
        return InMemoryStorage.create();
    }
}
