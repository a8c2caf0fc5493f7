package dev.orderflow.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.orderflow.application.OrderService;
import dev.orderflow.application.memory.InMemoryStorage;
import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.application.port.in.ExpectedVersion;
import dev.orderflow.application.port.in.IdempotencyKey;
import dev.orderflow.application.port.in.IdempotentResult;
import dev.orderflow.application.port.in.NewOrder;
import dev.orderflow.application.port.in.StoredReply;
import dev.orderflow.application.TimeOrderedIds;
import dev.orderflow.domain.Actor;
import dev.orderflow.domain.Carrier;
import dev.orderflow.domain.CustomerId;
import dev.orderflow.domain.Money;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.OrderLine;
import dev.orderflow.domain.Quantity;
import dev.orderflow.domain.ShippingAddress;
import dev.orderflow.domain.Sku;
import dev.orderflow.domain.TrackingNumber;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CountingOrderCommandsTest {

    private static final Actor SHOP = new Actor.System("shop");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Clock clock = Clock.systemUTC();
    private final CountingOrderCommands commands = new CountingOrderCommands(
            new OrderService(InMemoryStorage.create(), clock, new TimeOrderedIds(clock)), new OrderMetrics(registry));

    private static NewOrder newOrder(String customer) {
        return new NewOrder(new CustomerId(customer),
                List.of(new OrderLine(new Sku("BOOK-1"), new Quantity(2), Money.parse("12.50", "EUR"))),
                new ShippingAddress("Ada Lovelace", "1 Main St", "", "10115", "Berlin", "", "DE"), SHOP);
    }

    private static StoredReply respond(CommandResult result) {
        return new StoredReply(new byte[] {1});
    }

    private double count(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void accepted_commands_count_as_placed_orders_and_transitions() {
        var placed = assertInstanceOf(CommandResult.Accepted.class, commands.place(newOrder("c-1")));
        var id = placed.order().id();
        commands.confirm(id, ExpectedVersion.any(), SHOP);
        commands.ship(id, ExpectedVersion.any(), new Carrier("DHL"), new TrackingNumber("JD0001"), SHOP);

        assertEquals(1, count("orderflow.orders.placed"));
        assertEquals(1, count("orderflow.orders.transitions", "kind", "confirm"));
        assertEquals(1, count("orderflow.orders.transitions", "kind", "ship"));
        assertEquals(0, count("orderflow.orders.transitions", "kind", "deliver"));
    }

    @Test
    void refusals_count_by_command_and_kind() {
        var id = assertInstanceOf(CommandResult.Accepted.class, commands.place(newOrder("c-1"))).order().id();
        commands.deliver(id, ExpectedVersion.any(), SHOP);
        commands.confirm(id, ExpectedVersion.exactly(7), SHOP);
        commands.confirm(new OrderId(UUID.randomUUID()), ExpectedVersion.any(), SHOP);

        assertEquals(1, count("orderflow.orders.rejections", "command", "deliver", "kind", "invalid_transition"));
        assertEquals(1, count("orderflow.orders.rejections", "command", "confirm", "kind", "version_mismatch"));
        assertEquals(1, count("orderflow.orders.rejections", "command", "confirm", "kind", "not_found"));
        assertEquals(0, count("orderflow.orders.transitions", "kind", "confirm"));
    }

    @Test
    void a_replay_counts_as_a_replay_not_as_another_order_and_key_reuse_as_a_refusal() {
        var key = new IdempotencyKey("key-1");
        assertInstanceOf(IdempotentResult.Executed.class,
                commands.place(newOrder("c-1"), key, CountingOrderCommandsTest::respond));
        assertInstanceOf(IdempotentResult.Replayed.class,
                commands.place(newOrder("c-1"), key, CountingOrderCommandsTest::respond));
        assertInstanceOf(IdempotentResult.KeyReused.class,
                commands.place(newOrder("c-2"), key, CountingOrderCommandsTest::respond));

        assertEquals(1, count("orderflow.orders.placed"));
        assertEquals(1, count("orderflow.orders.idempotent.replays"));
        assertEquals(1, count("orderflow.orders.rejections", "command", "place", "kind", "idempotency_key_reused"));
    }
}
