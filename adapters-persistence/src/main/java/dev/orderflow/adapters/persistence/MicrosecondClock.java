package dev.orderflow.adapters.persistence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;

/**
 * Cuts the service's clock to whole microseconds, PostgreSQL's precision, wherever it is used: then every
 * time in an answer equals the one the stored order reads back with, and nothing depends on how the
 * database rounds. The clock bean itself knows nothing of storage.
 */
@Singleton
@Requires(property = PostgresStorage.STORAGE, notEquals = PostgresStorage.MEMORY)
final class MicrosecondClock implements BeanCreatedEventListener<InstantSource> {

    @Override
    public InstantSource onCreated(BeanCreatedEvent<InstantSource> event) {
        var clock = event.getBean();
        return () -> clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
