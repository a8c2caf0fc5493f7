package dev.orderflow.adapters.rest;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.InstantSource;

/** The service's clock, as the bootstrap supplies it: the adapter's beans take their time from it. */
@Factory
class TestClock {

    @Singleton
    @Primary // as the bootstrap's: micronaut-context has a system InstantSource of its own (InstantSourceFactory)
    InstantSource clock() {
        return Clock.systemUTC();
    }
}
