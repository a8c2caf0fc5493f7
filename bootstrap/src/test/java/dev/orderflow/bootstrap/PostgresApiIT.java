package dev.orderflow.bootstrap;

import dev.orderflow.adapters.rest.api.AccessMatrixSuite;
import dev.orderflow.adapters.rest.api.ConcurrencySuite;
import dev.orderflow.adapters.rest.api.HostileInputSuite;
import dev.orderflow.adapters.rest.api.OrdersApiSuite;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * The REST adapter's API suites (every row of the API table and every problem type, racing requests,
 * hundreds of hostile inputs) over real HTTP against the whole application on real PostgreSQL: this
 * module's factories, the persistence adapter with its migrations, the messaging adapter without Kafka.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresApiIT implements TestPropertyProvider {

    private final PostgresApplication application = new PostgresApplication();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return application.properties();
    }

    @Nested
    class OrdersApi extends OrdersApiSuite {
        @Override
        protected URI baseUri() {
            return server.getURI();
        }

        @Override
        protected long storedOrders() {
            return application.storedOrders();
        }
    }

    @Nested
    class Concurrency extends ConcurrencySuite {
        @Override
        protected URI baseUri() {
            return server.getURI();
        }

        @Override
        protected long storedOrders() {
            return application.storedOrders();
        }
    }

    @Nested
    class HostileInput extends HostileInputSuite {
        @Override
        protected URI baseUri() {
            return server.getURI();
        }

        @Override
        protected long storedOrders() {
            return application.storedOrders();
        }
    }

    @Nested
    class AccessMatrix extends AccessMatrixSuite {
        @Override
        protected URI baseUri() {
            return server.getURI();
        }

        @Override
        protected long storedOrders() {
            return application.storedOrders();
        }
    }
}
