package dev.orderflow.adapters.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderflow.application.OrderService;
import dev.orderflow.domain.OrderEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
            var instances = List.of(orders, second.getBean(OrderService.class));
            var lives = new ConcurrentHashMap<String, List<OrderEvent>>();
            // two placing threads per instance, while both instances relay
            try (var placing = Executors.newFixedThreadPool(4)) {
                var done = new ArrayList<Future<?>>();
                for (int thread = 0; thread < 4; thread++) {
                    var instance = instances.get(thread % 2);
                    done.add(placing.submit(() -> place(instance, 1_250, lives)));
                }
                for (var task : done) {
                    task.get(5, TimeUnit.MINUTES);
                }
            }
            assertEquals(5_000, lives.size());

            var records = published(lives);
            assertEquals(lives.values().stream().mapToInt(List::size).sum(), records.size(), "records published");
            assertEquals(lives, byOrder(records));
        }
    }

    /** Places orders, every fifth through its whole life, the others only placed. */
    private static void place(OrderService orders, int count, Map<String, List<OrderEvent>> lives) {
        for (int n = 0; n < count; n++) {
            var life = lifeOf(orders, n % 5 == 0 ? 0 : 2);
            lives.put(life.getFirst().orderId().toString(), life);
        }
    }
}
