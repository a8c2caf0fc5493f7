package dev.orderflow.adapters.messaging;

import java.util.Map;

/** The relay scenarios on in-memory storage. */
class InMemoryRelayIT extends RelayScenarios {

    @Override
    Map<String, Object> storage() {
        return TestServices.Storage.MEMORY.properties();
    }
}
