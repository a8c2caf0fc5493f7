package dev.orderflow.adapters.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderflow.application.OrderService;
import dev.orderflow.application.contract.Concurrently;
import dev.orderflow.domain.OrderEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** The relay scenarios on PostgreSQL, and two service instances relaying from one database. */
class PostgresRelayIT extends RelayScenarios {

    private Map<String, Object> database;

    @Override
    Map<String, Object> storage() {
        database = TestServices.Storage.POSTGRES.properties();
        return database;
    }

    @Test
    void two_instances_over_one_database_publish_every_event_once_in_per_order_order() throws Exception {
        try (var second = TestServices.start(database, Map.of()).getApplicationContext()) {
            var secondOrders = second.getBean(OrderService.class);
            int perInstance = 2_500;
            List<Callable<Map<String, List<OrderEvent>>>> placing = List.of(
                    () -> place(orders, perInstance), () -> place(secondOrders, perInstance));
            var lives = new HashMap<String, List<OrderEvent>>();
            Concurrently.run(placing).forEach(lives::putAll);
            assertEquals(2 * perInstance, lives.size());

            var records = published(lives);
            assertEquals(lives.values().stream().mapToInt(List::size).sum(), records.size(), "records published");
            assertEquals(lives, byOrder(records));
        }
    }

    /** Places orders, confirming every other one, and returns each order's events. */
    private static Map<String, List<OrderEvent>> place(OrderService orders, int count) {
        var lives = new HashMap<String, List<OrderEvent>>();
        for (int n = 0; n < count; n++) {
            // lifeOf: 0 delivered, 1 cancelled, 2 left pending
            var life = lifeOf(orders, n);
            lives.put(life.getFirst().orderId().toString(), life);
        }
        return lives;
    }
}
