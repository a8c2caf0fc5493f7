package dev.orderflow.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.application.OrderService;
import dev.orderflow.application.PaymentDeadline;
import dev.orderflow.application.TimeOrderedIds;
import dev.orderflow.application.memory.InMemoryStorage;
import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.application.port.in.NewOrder;
import dev.orderflow.application.port.out.OrderStorage;
import dev.orderflow.application.port.out.Transactions;
import dev.orderflow.application.port.out.Transactions.StorageUnavailableException;
import dev.orderflow.domain.Actor;
import dev.orderflow.domain.CustomerId;
import dev.orderflow.domain.Money;
import dev.orderflow.domain.OrderLine;
import dev.orderflow.domain.OrderStatus;
import dev.orderflow.domain.Quantity;
import dev.orderflow.domain.ShippingAddress;
import dev.orderflow.domain.Sku;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.convert.ConversionService;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PaymentDeadlineJobTest {

    @RegisterExtension
    final LogLines log = new LogLines(PaymentDeadlineJob.class.getName());

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T10:00:00Z"));
    private final InstantSource clock = now::get;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OrderStorage storage = InMemoryStorage.create();
    private final OrderService service = new OrderService(storage, clock, new TimeOrderedIds(clock));

    private PaymentDeadlineJob job(String deadline) {
        return new PaymentDeadlineJob(storage, service, clock, registry, ConversionService.SHARED, deadline, 50);
    }

    private CommandResult.Accepted place() {
        return (CommandResult.Accepted) service.place(new NewOrder(new CustomerId("c-1"),
                List.of(new OrderLine(new Sku("BOOK-1"), new Quantity(1), Money.parse("9.99", "EUR"))),
                new ShippingAddress("Ada Lovelace", "1 Main St", "", "10115", "Berlin", "", "DE"),
                new Actor.System("shop")));
    }

    private double counted() {
        return registry.get("orderflow.orders.payment.deadline.cancellations").counter().count();
    }

    @Test
    void cancels_what_is_overdue_and_counts_it() {
        var order = place();
        now.set(now.get().plus(Duration.ofMinutes(31)));

        job("30m").run();

        assertEquals(OrderStatus.CANCELLED, storage.orders().load(order.order().id()).orElseThrow().status());
        assertEquals(1.0, counted());
    }

    @Test
    void zero_turns_the_deadline_off() {
        var order = place();
        now.set(now.get().plus(Duration.ofDays(30)));

        job("0").run();

        assertEquals(OrderStatus.PENDING, storage.orders().load(order.order().id()).orElseThrow().status());
        assertEquals(0.0, counted());
    }

    @Test
    void a_run_while_the_database_is_down_logs_one_warning_without_a_stack_trace() {
        var down = new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                throw new StorageUnavailableException("connection refused", new java.sql.SQLException("refused"));
            }
        };
        var job = new PaymentDeadlineJob(new OrderStorage(storage.orders(), storage.eventLog(), storage.outbox(),
                storage.idempotencyKeys(), storage.inbox(), down), service, clock, registry, ConversionService.SHARED,
                "30m", 50);
        job.run();
        job.run();

        var lines = log.list();
        assertEquals(List.of(Level.WARN, Level.WARN), lines.stream().map(ILoggingEvent::getLevel).toList());
        assertTrue(lines.stream().allMatch(event -> event.getThrowableProxy() == null), "no stack trace");
        assertTrue(lines.getFirst().getFormattedMessage().contains("connection refused"),
                lines.getFirst().getFormattedMessage());
        assertEquals(0.0, counted());
    }

    @Test
    void the_deadline_reads_like_every_other_duration_setting() {
        assertEquals(Duration.ofMinutes(45), PaymentDeadlineJob.parse(ConversionService.SHARED, "45m"));
        assertEquals(Duration.ofHours(2), PaymentDeadlineJob.parse(ConversionService.SHARED, "PT2H"));
        assertEquals(Duration.ZERO, PaymentDeadlineJob.parse(ConversionService.SHARED, "0"));
    }

    @Test
    void a_deadline_that_is_not_a_duration_stops_the_start_with_a_clear_message() {
        var failure = assertThrows(ConfigurationException.class,
                () -> PaymentDeadlineJob.parse(ConversionService.SHARED, "soon"));
        assertTrue(failure.getMessage().contains("ORDERFLOW_PAYMENT_DEADLINE"), failure.getMessage());
    }

    @Test
    void the_cancelling_actor_is_orderflow_itself() {
        assertEquals("system:orderflow", PaymentDeadline.ACTOR.token());
    }
}
