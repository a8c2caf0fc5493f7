package dev.orderflow.bootstrap;

import dev.orderflow.adapters.rest.api.OrdersApiSuite;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/** The REST adapter's {@link OrdersApiSuite} against the whole application on real PostgreSQL. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresOrdersApiIT extends OrdersApiSuite implements TestPropertyProvider {

    private final PostgresApplication application = new PostgresApplication();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return application.properties();
    }

    @Override
    protected URI baseUri() {
        return server.getURI();
    }

    @Override
    protected long storedOrders() {
        return application.storedOrders();
    }
}
