package dev.orderflow.adapters.messaging;

import java.util.Map;

/** The inbound scenarios on PostgreSQL: the inbox is a table, written in the transaction of the effect. */
class PostgresInboundIT extends InboundScenarios {

    @Override
    Map<String, Object> storage() {
        return TestServices.Storage.POSTGRES.properties();
    }
}
