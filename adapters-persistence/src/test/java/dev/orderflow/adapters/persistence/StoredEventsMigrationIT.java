package dev.orderflow.adapters.persistence;

import static dev.orderflow.testkit.contract.ContractFixtures.ACTOR;
import static dev.orderflow.testkit.contract.ContractFixtures.ADDRESS;
import static dev.orderflow.testkit.contract.ContractFixtures.cancelledLife;
import static dev.orderflow.testkit.contract.ContractFixtures.deliveredLife;
import static dev.orderflow.testkit.contract.ContractFixtures.publishAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.application.port.out.OrderStorage;
import dev.orderflow.application.port.out.OutboxEntry;
import dev.orderflow.domain.CustomerId;
import dev.orderflow.domain.Money;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.OrderLine;
import dev.orderflow.domain.Quantity;
import dev.orderflow.domain.Sku;
import io.micronaut.context.ApplicationContext;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Rows written in the stored format before migration V3 (the payload held the actor and the event's own fields,
 * money as minor units plus one currency) read back through the adapters after it, as the same events.
 */
class StoredEventsMigrationIT {

    @Test
    void events_stored_before_v3_read_back_after_it_from_the_event_log_and_the_outbox() throws Exception {
        var database = TestDatabase.empty();
        var migrated = Flyway.configure().dataSource(database.dataSource()).locations(Database.MIGRATIONS)
                .target("2").load().migrate();
        assertEquals("2", migrated.targetSchemaVersion);

        var delivered = deliveredLife(new OrderId(UUID.randomUUID()));
        var cancelled = cancelledLife(new OrderId(UUID.randomUUID()));
        var written = new ArrayList<OrderEvent>();
        written.addAll(delivered);
        written.addAll(cancelled);
        written.addAll(placedInEveryCurrency(Instant.parse("2026-03-01T12:00:00Z")));
        written.add(placed(Currency.getInstance("EUR"), 7, Instant.parse("2026-03-01T12:00:00.120Z")));
        for (var event : written) {
            insertAsBeforeV3(database, "order_events", event);
            insertAsBeforeV3(database, "outbox", event);
        }

        Database.migrate(database.dataSource());

        try (var context = ApplicationContext.run(database.properties())) {
            var storage = context.getBean(OrderStorage.class);
            for (var event : written) {
                if (event.version() == 1) {
                    var history = storage.eventLog().history(event.orderId());
                    var expected = written.stream().filter(e -> e.orderId().equals(event.orderId())).toList();
                    assertEquals(expected, history, "history of " + event.orderId());
                }
            }
            var published = publishAll(storage.outbox(), Instant.now());
            assertEquals(written, published.stream().map(OutboxEntry::event).toList());
        }
    }

    /** A placement priced in every currency the JDK knows that has minor units (0, 2, 3 or 4 digits). */
    private static List<OrderEvent> placedInEveryCurrency(Instant at) {
        var placed = new ArrayList<OrderEvent>();
        for (var currency : Currency.getAvailableCurrencies()) {
            if (currency.getDefaultFractionDigits() >= 0) {
                placed.add(placed(currency, 123_456_789L, at));
            }
        }
        assertTrue(placed.size() > 150, "currencies: " + placed.size());
        return placed;
    }

    private static OrderEvent placed(Currency currency, long unitMinor, Instant at) {
        var lines = List.of(new OrderLine(new Sku("SKU-1"), new Quantity(3), new Money(unitMinor, currency)),
                new OrderLine(new Sku("SKU-2"), new Quantity(1), new Money(5, currency)));
        var total = lines.get(0).total().plus(lines.get(1).total());
        return new OrderEvent.OrderPlaced(new OrderId(UUID.randomUUID()), 1, at, ACTOR, new CustomerId("c-1"), lines,
                ADDRESS, total);
    }

    /** Writes the event as the persistence adapter did before V3: names and JSON as they were then. */
    private static void insertAsBeforeV3(TestDatabase database, String table, OrderEvent event) throws SQLException {
        var type = switch (event) {
            case OrderEvent.OrderPlaced placed -> "OrderPlaced";
            case OrderEvent.OrderConfirmed confirmed -> "OrderConfirmed";
            case OrderEvent.OrderShipped shipped -> "OrderShipped";
            case OrderEvent.OrderDelivered delivered -> "OrderDelivered";
            case OrderEvent.OrderCancelled cancelled -> "OrderCancelled";
        };
        var actor = quoted(event.actor().token());
        var payload = switch (event) {
            case OrderEvent.OrderPlaced placed -> {
                var lines = new ArrayList<String>();
                for (var line : placed.lines()) {
                    lines.add("{\"sku\": %s, \"quantity\": %d, \"unitPriceMinor\": %d}".formatted(
                            quoted(line.sku().value()), line.quantity().value(), line.unitPrice().minorUnits()));
                }
                var a = placed.shippingAddress();
                yield ("{\"actor\": %s, \"customerId\": %s, \"currency\": %s, \"totalMinor\": %d, \"lines\": [%s], "
                        + "\"shippingAddress\": {\"recipient\": %s, \"line1\": %s, \"line2\": %s, \"postalCode\": %s, "
                        + "\"city\": %s, \"region\": %s, \"country\": %s}}").formatted(actor,
                        quoted(placed.customerId().value()), quoted(placed.total().currency().getCurrencyCode()),
                        placed.total().minorUnits(), String.join(", ", lines), quoted(a.recipient()),
                        quoted(a.line1()), quoted(a.line2()), quoted(a.postalCode()), quoted(a.city()),
                        quoted(a.region()), quoted(a.country()));
            }
            case OrderEvent.OrderConfirmed confirmed -> "{\"actor\": %s}".formatted(actor);
            case OrderEvent.OrderShipped shipped -> "{\"actor\": %s, \"carrier\": %s, \"trackingNumber\": %s}"
                    .formatted(actor, quoted(shipped.carrier().name()), quoted(shipped.trackingNumber().value()));
            case OrderEvent.OrderDelivered delivered -> "{\"actor\": %s}".formatted(actor);
            case OrderEvent.OrderCancelled cancelled -> "{\"actor\": %s, \"reason\": %s}"
                    .formatted(actor, quoted(cancelled.reason().text()));
        };
        try (var connection = database.dataSource().getConnection();
             var s = connection.prepareStatement("INSERT INTO " + table
                     + " (order_id, version, event_type, occurred_at, payload) VALUES (?, ?, ?, ?, ?::jsonb)")) {
            s.setObject(1, event.orderId().value());
            s.setLong(2, event.version());
            s.setString(3, type);
            s.setObject(4, OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC));
            s.setString(5, payload);
            s.executeUpdate();
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
