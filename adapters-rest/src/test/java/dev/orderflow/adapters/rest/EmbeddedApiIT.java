package dev.orderflow.adapters.rest;

import dev.orderflow.adapters.rest.api.AccessMatrixSuite;
import dev.orderflow.adapters.rest.api.ConcurrencySuite;
import dev.orderflow.adapters.rest.api.HostileInputSuite;
import dev.orderflow.adapters.rest.api.OrdersApiSuite;
import dev.orderflow.application.port.in.OrderQueries;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import org.junit.jupiter.api.Nested;

/** The API suites against an embedded server on in-memory storage, as the bootstrap runs them on PostgreSQL. */
@MicronautTest
class EmbeddedApiIT {

    @Inject
    EmbeddedServer server;
    @Inject
    OrderQueries queries;

    URI uri() {
        return server.getURI();
    }

    long count() {
        return TestStorage.count(queries);
    }

    @Nested
    class Orders extends OrdersApiSuite {
        @Override
        protected URI baseUri() {
            return uri();
        }

        @Override
        protected long storedOrders() {
            return count();
        }
    }

    @Nested
    class Concurrency extends ConcurrencySuite {
        @Override
        protected URI baseUri() {
            return uri();
        }

        @Override
        protected long storedOrders() {
            return count();
        }
    }

    @Nested
    class HostileInput extends HostileInputSuite {
        @Override
        protected URI baseUri() {
            return uri();
        }

        @Override
        protected long storedOrders() {
            return count();
        }
    }

    @Nested
    class AccessMatrix extends AccessMatrixSuite {
        @Override
        protected URI baseUri() {
            return uri();
        }

        @Override
        protected long storedOrders() {
            return count();
        }
    }
}
