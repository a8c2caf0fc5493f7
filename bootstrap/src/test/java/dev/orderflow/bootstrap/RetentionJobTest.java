package dev.orderflow.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.orderflow.application.OrderService;
import dev.orderflow.application.TimeOrderedIds;
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
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RetentionJobTest {

    private static final Actor SHOP = new Actor.System("shop");
    private static final IdempotencyKey KEY = new IdempotencyKey("key-1");
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T10:00:00Z"));
    private final InstantSource clock = now::get;
    private final OrderStorage storage = InMemoryStorage.create();
    private final OrderService service = new OrderService(storage, clock, new TimeOrderedIds(clock),
            new OrderService.Settings(3, Duration.ofHours(24), Duration.ofSeconds(60)));
    private final RetentionJob job = new RetentionJob(storage, clock, Duration.ofDays(7), Duration.ofDays(7));

    private IdempotentResult place(String customer) {
        return service.place(new NewOrder(new CustomerId(customer),
                        List.of(new OrderLine(new Sku("BOOK-1"), new Quantity(1), Money.parse("9.99", "EUR"))),
                        new ShippingAddress("Ada Lovelace", "1 Main St", "", "10115", "Berlin", "", "DE"), SHOP),
                KEY, result -> new StoredReply(new byte[] {1}));
    }

    private void later(Duration by) {
        now.set(now.get().plus(by));
    }

    @Test
    void expired_idempotency_keys_are_forgotten() {
        assertInstanceOf(IdempotentResult.Executed.class, place("c-1"));
        later(Duration.ofHours(25));

        job.run();

        assertInstanceOf(IdempotentResult.Executed.class, place("c-2"));
    }

    @Test
    void keys_within_their_time_to_live_are_kept() {
        assertInstanceOf(IdempotentResult.Executed.class, place("c-1"));
        later(Duration.ofHours(23));

        job.run();

        assertInstanceOf(IdempotentResult.KeyReused.class, place("c-2"));
    }

    @Test
    void inbox_receipts_are_forgotten_after_the_retention_period_only() {
        storage.transactions().inTransaction(() -> storage.inbox().receive("payments", "m-1", clock.instant()));
        later(Duration.ofDays(6));
        job.run();
        assertEquals(Receipt.DUPLICATE, storage.transactions().inTransaction(
                () -> storage.inbox().receive("payments", "m-1", clock.instant())));

        later(Duration.ofDays(2));
        job.run();

        assertEquals(Receipt.NEW, storage.transactions().inTransaction(
                () -> storage.inbox().receive("payments", "m-1", clock.instant())));
    }
}
