package dev.orderflow.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.application.memory.InMemoryStorage;
import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.application.port.in.ExpectedVersion;
import dev.orderflow.application.port.in.IdempotencyKey;
import dev.orderflow.application.port.in.IdempotentResult;
import dev.orderflow.application.port.in.NewOrder;
import dev.orderflow.application.port.in.OrderFilter;
import dev.orderflow.application.port.in.PageRequest;
import dev.orderflow.application.port.in.StoredReply;
import dev.orderflow.application.port.out.OrderStorage;
import dev.orderflow.domain.Actor;
import dev.orderflow.domain.CancellationReason;
import dev.orderflow.domain.Carrier;
import dev.orderflow.domain.CustomerId;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.OrderStatus;
import dev.orderflow.domain.Rejection;
import dev.orderflow.domain.TrackingNumber;
import dev.orderflow.testkit.ManualClock;
import dev.orderflow.testkit.contract.Concurrently;
import dev.orderflow.testkit.contract.ContractFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class OrderServiceTest {

    private static final Actor ACTOR = new Actor.System("test");
    private final ManualClock clock = new ManualClock(Instant.parse("2026-02-01T09:00:00Z"));
    private final OrderStorage storage = InMemoryStorage.create();
    private final OrderService service = new OrderService(storage, clock, new TimeOrderedIds(clock, new Random(7)));
    private final AtomicInteger responses = new AtomicInteger();
    private final Function<CommandResult, StoredReply> respond = result -> new StoredReply(
            ((result instanceof CommandResult.Accepted ? "201 " : "400 ") + responses.incrementAndGet())
                    .getBytes(StandardCharsets.UTF_8));

    private static NewOrder newOrder() {
        return new NewOrder(new CustomerId("c-1"), ContractFixtures.lines(), ContractFixtures.ADDRESS, ACTOR);
    }

    private Order placed() {
        return assertInstanceOf(CommandResult.Accepted.class, service.place(newOrder())).order();
    }

    @Test
    void placing_stores_the_order_its_event_and_an_outbox_entry() {
        var result = assertInstanceOf(CommandResult.Accepted.class, service.place(newOrder()));
        var order = assertInstanceOf(Order.Pending.class, result.order());
        assertEquals(1, order.version());
        assertEquals(clock.instant(), order.details().placedAt());
        assertEquals("25.50 EUR", order.details().total().toString());
        assertEquals(Optional.of(order), service.get(order.id()));
        assertEquals(Optional.of(result.events()), service.history(order.id()));
        assertEquals(1, storage.outbox().backlog().size());
    }

    @Test
    void an_order_breaking_an_invariant_is_rejected_and_nothing_is_stored() {
        var empty = new NewOrder(new CustomerId("c-1"), List.of(), ContractFixtures.ADDRESS, ACTOR);
        var rejected = assertInstanceOf(CommandResult.Rejected.class, service.place(empty));
        assertInstanceOf(Rejection.InvariantBroken.class, rejected.rejection());
        assertEquals(0, service.list(OrderFilter.all(), PageRequest.first(10)).items().size());
        assertEquals(0, storage.outbox().backlog().size());
    }

    @Test
    void the_whole_lifecycle_moves_the_order_and_records_every_event() {
        var id = placed().id();
        clock.advance(Duration.ofMinutes(1));
        assertInstanceOf(CommandResult.Accepted.class, service.confirm(id, ExpectedVersion.exactly(1), ACTOR));
        clock.advance(Duration.ofMinutes(1));
        assertInstanceOf(CommandResult.Accepted.class, service.ship(id, ExpectedVersion.any(), new Carrier("UPS"),
                new TrackingNumber("1Z999"), ACTOR));
        clock.advance(Duration.ofMinutes(1));
        var delivered = assertInstanceOf(CommandResult.Accepted.class,
                service.deliver(id, ExpectedVersion.exactly(3), ACTOR));
        assertEquals(OrderStatus.DELIVERED, delivered.order().status());
        assertEquals(4, delivered.order().version());
        assertEquals(List.of(1L, 2L, 3L, 4L),
                service.history(id).orElseThrow().stream().map(OrderEvent::version).toList());
        assertEquals(4, storage.outbox().backlog().size());
    }

    @Test
    void a_forbidden_transition_is_rejected_with_the_current_order() {
        var order = placed();
        var rejected = assertInstanceOf(CommandResult.Rejected.class,
                service.deliver(order.id(), ExpectedVersion.any(), ACTOR));
        assertEquals(new Rejection.InvalidTransition(OrderStatus.PENDING, "deliver"), rejected.rejection());
        assertEquals(Optional.of(order), rejected.current());
    }

    @Test
    void an_unknown_order_is_not_found() {
        var id = new OrderId(java.util.UUID.randomUUID());
        assertEquals(new CommandResult.NotFound(id), service.confirm(id, ExpectedVersion.any(), ACTOR));
        assertEquals(Optional.empty(), service.history(id));
    }

    @Test
    void a_stale_expected_version_changes_nothing() {
        var order = placed();
        service.confirm(order.id(), ExpectedVersion.any(), ACTOR);
        var mismatch = assertInstanceOf(CommandResult.VersionMismatch.class, service.cancel(order.id(),
                ExpectedVersion.exactly(1), new CancellationReason("too late"), ACTOR));
        assertEquals(2, mismatch.current().version());
        assertEquals(OrderStatus.CONFIRMED, service.get(order.id()).orElseThrow().status());
    }

    @Test
    void concurrent_confirm_and_cancel_have_exactly_one_winner_and_a_gapless_history() throws Exception {
        for (int round = 0; round < 50; round++) {
            var id = placed().id();
            var results = Concurrently.run(List.of(
                    () -> service.confirm(id, ExpectedVersion.any(), ACTOR),
                    () -> service.cancel(id, ExpectedVersion.any(), new CancellationReason("race"), ACTOR)));
            var accepted = results.stream().filter(CommandResult.Accepted.class::isInstance).count();
            // both can win only in the order confirm-then-cancel; never two events with one version
            var history = service.history(id).orElseThrow();
            for (int i = 0; i < history.size(); i++) {
                assertEquals(i + 1, history.get(i).version());
            }
            assertEquals(1 + accepted, history.size());
            assertTrue(accepted >= 1);
        }
    }

    @Test
    void same_key_and_same_request_replays_the_first_response() {
        var key = new IdempotencyKey("k-1");
        var first = assertInstanceOf(IdempotentResult.Executed.class, service.place(newOrder(), key, respond));
        var again = assertInstanceOf(IdempotentResult.Replayed.class, service.place(newOrder(), key, respond));
        assertEquals(first.response(), again.response());
        assertEquals(1, service.list(OrderFilter.all(), PageRequest.first(10)).items().size());
    }

    @Test
    void same_key_with_another_request_is_refused() {
        var key = new IdempotencyKey("k-2");
        service.place(newOrder(), key, respond);
        var other = new NewOrder(new CustomerId("c-2"), ContractFixtures.lines(), ContractFixtures.ADDRESS, ACTOR);
        assertEquals(new IdempotentResult.KeyReused(), service.place(other, key, respond));
    }

    @Test
    void a_key_expires_after_its_time_to_live() {
        var key = new IdempotencyKey("k-3");
        service.place(newOrder(), key, respond);
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        assertInstanceOf(IdempotentResult.Executed.class, service.place(newOrder(), key, respond));
        assertEquals(2, service.list(OrderFilter.all(), PageRequest.first(10)).items().size());
    }

    @Test
    void a_failed_first_request_releases_its_key_and_stores_nothing() {
        var key = new IdempotencyKey("k-4");
        assertThrows(IllegalStateException.class, () -> service.place(newOrder(), key, result -> {
            throw new IllegalStateException("encoding failed");
        }));
        assertEquals(0, service.list(OrderFilter.all(), PageRequest.first(10)).items().size());
        assertInstanceOf(IdempotentResult.Executed.class, service.place(newOrder(), key, respond));
    }

    @Test
    void concurrent_requests_with_one_key_create_one_order() throws Exception {
        var key = new IdempotencyKey("k-5");
        var results = Concurrently.times(8, () -> service.place(newOrder(), key, respond));
        assertEquals(1, results.stream().filter(IdempotentResult.Executed.class::isInstance).count());
        assertTrue(results.stream().allMatch(r -> r instanceof IdempotentResult.Executed
                || r instanceof IdempotentResult.Replayed || r instanceof IdempotentResult.InFlight));
        assertEquals(1, service.list(OrderFilter.all(), PageRequest.first(10)).items().size());
    }
}
