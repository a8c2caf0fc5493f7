package dev.orderflow.adapters.rest;

import dev.orderflow.adapters.rest.api.ApiTarget;
import dev.orderflow.adapters.rest.api.ConcurrencySuite;
import dev.orderflow.adapters.rest.api.HostileInputSuite;
import dev.orderflow.adapters.rest.api.OrdersApiSuite;
import dev.orderflow.application.port.in.OrderQueries;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;

/** The API suites against an embedded server on in-memory storage, as the bootstrap runs them on PostgreSQL. */
@MicronautTest
class EmbeddedApiIT {

    @Inject
    EmbeddedServer server;
    @Inject
    OrderQueries queries;

    ApiTarget target() {
        return new ApiTarget(server::getURI, () -> TestStorage.count(queries));
    }

    @Nested
    class Orders extends OrdersApiSuite {
        @Override
        protected ApiTarget target() {
            return EmbeddedApiIT.this.target();
        }
    }

    @Nested
    class Concurrency extends ConcurrencySuite {
        @Override
        protected ApiTarget target() {
            return EmbeddedApiIT.this.target();
        }
    }

    @Nested
    class HostileInput extends HostileInputSuite {
        @Override
        protected ApiTarget target() {
            return EmbeddedApiIT.this.target();
        }
    }
}
