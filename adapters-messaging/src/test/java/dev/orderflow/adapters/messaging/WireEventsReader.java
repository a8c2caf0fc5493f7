package dev.orderflow.adapters.messaging;

import dev.orderflow.adapters.messaging.WireEvents.AddressV1;
import dev.orderflow.adapters.messaging.WireEvents.LineV1;
import dev.orderflow.adapters.messaging.WireEvents.MoneyV1;
import dev.orderflow.adapters.messaging.WireEvents.OrderCancelledV1;
import dev.orderflow.adapters.messaging.WireEvents.OrderChangedV1;
import dev.orderflow.adapters.messaging.WireEvents.OrderPlacedV1;
import dev.orderflow.adapters.messaging.WireEvents.OrderShippedV1;
import dev.orderflow.domain.Actor;
import dev.orderflow.domain.CancellationReason;
import dev.orderflow.domain.Carrier;
import dev.orderflow.domain.CustomerId;
import dev.orderflow.domain.Money;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.OrderLine;
import dev.orderflow.domain.Quantity;
import dev.orderflow.domain.ShippingAddress;
import dev.orderflow.domain.Sku;
import dev.orderflow.domain.TrackingNumber;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads published records back into domain events, as a consumer of the orders topic would. */
final class WireEventsReader {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();

    private WireEventsReader() {
    }

    static OrderEvent event(ConsumerRecord<String, byte[]> record) {
        try {
            return event(KafkaBroker.header(record, "ce_type"), record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OrderEvent event(String type, byte[] body) throws IOException {
        return switch (type.substring(WireEvents.TYPE_PREFIX.length())) {
            case "placed.v1" -> {
                var p = JSON.readValue(body, OrderPlacedV1.class);
                yield new OrderEvent.OrderPlaced(OrderId.parse(p.orderId()), p.version(), Instant.parse(p.occurredAt()),
                        Actor.parse(p.actor()), new CustomerId(p.customerId()),
                        p.lines().stream().map(WireEventsReader::line).toList(), address(p.shippingAddress()),
                        money(p.total()));
            }
            case "confirmed.v1" -> {
                var c = JSON.readValue(body, OrderChangedV1.class);
                yield new OrderEvent.OrderConfirmed(OrderId.parse(c.orderId()), c.version(),
                        Instant.parse(c.occurredAt()), Actor.parse(c.actor()));
            }
            case "shipped.v1" -> {
                var s = JSON.readValue(body, OrderShippedV1.class);
                yield new OrderEvent.OrderShipped(OrderId.parse(s.orderId()), s.version(),
                        Instant.parse(s.occurredAt()), Actor.parse(s.actor()), new Carrier(s.carrier()),
                        new TrackingNumber(s.trackingNumber()));
            }
            case "delivered.v1" -> {
                var d = JSON.readValue(body, OrderChangedV1.class);
                yield new OrderEvent.OrderDelivered(OrderId.parse(d.orderId()), d.version(),
                        Instant.parse(d.occurredAt()), Actor.parse(d.actor()));
            }
            case "cancelled.v1" -> {
                var c = JSON.readValue(body, OrderCancelledV1.class);
                yield new OrderEvent.OrderCancelled(OrderId.parse(c.orderId()), c.version(),
                        Instant.parse(c.occurredAt()), Actor.parse(c.actor()), new CancellationReason(c.reason()));
            }
            default -> throw new IllegalArgumentException("unknown ce_type " + type);
        };
    }

    private static OrderLine line(LineV1 line) {
        return new OrderLine(new Sku(line.sku()), new Quantity(line.quantity()), money(line.unitPrice()));
    }

    private static ShippingAddress address(AddressV1 a) {
        return new ShippingAddress(a.recipient(), a.line1(), a.line2(), a.postalCode(), a.city(), a.region(),
                a.country());
    }

    private static Money money(MoneyV1 money) {
        return Money.parse(money.amount(), money.currency());
    }
}
