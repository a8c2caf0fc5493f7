package dev.orderflow.adapters.rest;

import dev.orderflow.adapters.rest.api.HostileInputSuite;
import dev.orderflow.application.port.in.OrderQueries;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;

@MicronautTest
class EmbeddedHostileInputIT extends HostileInputSuite {

    @Inject
    EmbeddedServer server;
    @Inject
    OrderQueries queries;

    @Override
    protected URI baseUri() {
        return server.getURI();
    }

    @Override
    protected long storedOrders() {
        return TestStorage.count(queries);
    }
}
