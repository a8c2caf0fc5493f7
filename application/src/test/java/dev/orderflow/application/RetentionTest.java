package dev.orderflow.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.orderflow.application.memory.InMemoryStorage;
import dev.orderflow.application.port.in.IdempotencyKey;
import dev.orderflow.application.port.in.IdempotentResult;
import dev.orderflow.application.port.in.NewOrder;
import dev.orderflow.application.port.in.StoredReply;
import dev.orderflow.application.port.out.Inbox.Receipt;
import dev.orderflow.application.port.out.OrderStorage;
import dev.orderflow.domain.Actor;
import dev.orderflow.domain.CustomerId;
import dev.orderflow.domain.Money;
import dev.orderflow.domain.OrderLine;
import dev.orderflow.domain.Quantity;
import dev.orderflow.domain.ShippingAddress;
import dev.orderflow.domain.Sku;
import dev.orderflow.application.port.out.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RetentionTest {

    private static final Actor SHOP = new Actor.System("shop");
    private static final IdempotencyKey KEY = new IdempotencyKey("key-1");
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T10:00:00Z"));
    private final InstantSource clock = now::get;
    private final OrderStorage storage = InMemoryStorage.create();
    private final OrderService service = new OrderService(storage, clock, new TimeOrderedIds(clock),
            new OrderService.Settings(3, Duration.ofHours(24), Duration.ofSeconds(60)));
    private final Retention retention = new Retention(storage.idempotencyKeys(), storage.outbox(), storage.inbox(),
            storage.transactions(), clock, new Retention.Settings(Duration.ofDays(7), Duration.ofDays(7)));

    private IdempotentResult place(String customer) {
        return service.place(newOrder(customer), KEY, result -> new StoredReply(new byte[] {1}));
    }

    private static NewOrder newOrder(String customer) {
        return new NewOrder(new CustomerId(customer),
                List.of(new OrderLine(new Sku("BOOK-1"), new Quantity(1), Money.parse("9.99", "EUR"))),
                new ShippingAddress("Ada Lovelace", "1 Main St", "", "10115", "Berlin", "", "DE"), SHOP);
    }

    private void later(Duration by) {
        now.set(now.get().plus(by));
    }

    @Test
    void expired_idempotency_keys_are_forgotten() {
        assertInstanceOf(IdempotentResult.Executed.class, place("c-1"));
        later(Duration.ofHours(25));

        retention.purge();

        assertInstanceOf(IdempotentResult.Executed.class, place("c-2"));
    }

    @Test
    void keys_within_their_time_to_live_are_kept() {
        assertInstanceOf(IdempotentResult.Executed.class, place("c-1"));
        later(Duration.ofHours(23));

        retention.purge();

        assertInstanceOf(IdempotentResult.KeyReused.class, place("c-2"));
    }

    @Test
    void inbox_receipts_are_forgotten_after_the_retention_period_only() {
        storage.transactions().inTransaction(() -> storage.inbox().receive("payments", "m-1", clock.instant()));
        later(Duration.ofDays(6));
        retention.purge();
        assertEquals(Receipt.DUPLICATE, storage.transactions().inTransaction(
                () -> storage.inbox().receive("payments", "m-1", clock.instant())));

        later(Duration.ofDays(2));
        retention.purge();

        assertEquals(Receipt.NEW, storage.transactions().inTransaction(
                () -> storage.inbox().receive("payments", "m-1", clock.instant())));
    }

    @Test
    void published_outbox_entries_are_forgotten_after_the_retention_period_and_waiting_ones_never() {
        place("c-1");
        service.place(newOrder("c-2"));
        storage.outbox().relay(1, Duration.ofSeconds(30),
                batch -> new Outbox.Published(List.of(batch.getFirst().sequence()), clock.instant()));
        later(Duration.ofDays(8));

        assertEquals(new Retention.Purged(1, 1, 0), retention.purge());
        assertEquals(new Retention.Purged(0, 0, 0), retention.purge());
        assertEquals(1, storage.outbox().backlog().size());
    }
}
