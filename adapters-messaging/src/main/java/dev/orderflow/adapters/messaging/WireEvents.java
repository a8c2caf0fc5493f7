package dev.orderflow.adapters.messaging;

import dev.orderflow.domain.Money;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderLine;
import dev.orderflow.domain.ShippingAddress;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Order events as Kafka records: key = order id, value = the event's JSON (version 1 of each event type,
 * pinned by the golden files in the tests), CloudEvents 1.0 binary-mode headers.
 */
final class WireEvents {

    static final String TYPE_PREFIX = "dev.orderflow.order.";

    private final ObjectMapper json;
    private final String source;

    WireEvents(ObjectMapper json, String source) {
        this.json = json;
        this.source = source;
    }

    /** The event as a record for {@code topic}. */
    ProducerRecord<String, byte[]> record(String topic, OrderEvent event) {
        var id = event.orderId().toString();
        var headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", event.eventId().toString());
        header(headers, "ce_source", source);
        header(headers, "ce_type", type(event));
        header(headers, "ce_time", event.occurredAt().toString());
        header(headers, "ce_subject", id);
        header(headers, "content-type", "application/json");
        return new ProducerRecord<>(topic, null, id, body(event), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The CloudEvents type, naming the schema version of the body. */
    static String type(OrderEvent event) {
        return TYPE_PREFIX + switch (event) {
            case OrderEvent.OrderPlaced placed -> "placed.v1";
            case OrderEvent.OrderConfirmed confirmed -> "confirmed.v1";
            case OrderEvent.OrderShipped shipped -> "shipped.v1";
            case OrderEvent.OrderDelivered delivered -> "delivered.v1";
            case OrderEvent.OrderCancelled cancelled -> "cancelled.v1";
        };
    }

    /** The event's JSON. */
    byte[] body(OrderEvent event) {
        try {
            return json.writeValueAsBytes(dto(event));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + type(event), e);
        }
    }

    private static Object dto(OrderEvent event) {
        var id = event.orderId().toString();
        var version = event.version();
        var at = event.occurredAt().toString();
        var actor = event.actor().token();
        return switch (event) {
            case OrderEvent.OrderPlaced placed -> new OrderPlacedV1(id, version, at, actor,
                    placed.customerId().value(), placed.lines().stream().map(WireEvents::line).toList(),
                    address(placed.shippingAddress()), money(placed.total()));
            case OrderEvent.OrderConfirmed confirmed -> new OrderChangedV1(id, version, at, actor);
            case OrderEvent.OrderShipped shipped -> new OrderShippedV1(id, version, at, actor,
                    shipped.carrier().name(), shipped.trackingNumber().value());
            case OrderEvent.OrderDelivered delivered -> new OrderChangedV1(id, version, at, actor);
            case OrderEvent.OrderCancelled cancelled -> new OrderCancelledV1(id, version, at, actor,
                    cancelled.reason().text());
        };
    }

    private static LineV1 line(OrderLine line) {
        return new LineV1(line.sku().value(), line.quantity().value(), money(line.unitPrice()));
    }

    private static AddressV1 address(ShippingAddress a) {
        return new AddressV1(a.recipient(), a.line1(), a.line2(), a.postalCode(), a.city(), a.region(), a.country());
    }

    private static MoneyV1 money(Money money) {
        return new MoneyV1(money.toDecimalString(), money.currency().getCurrencyCode());
    }

    // every field always present, even when empty, so that the shape never depends on the data
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MoneyV1(String amount, String currency) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record LineV1(String sku, int quantity, MoneyV1 unitPrice) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AddressV1(String recipient, String line1, String line2, String postalCode, String city, String region,
                     String country) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record OrderPlacedV1(String orderId, long version, String occurredAt, String actor, String customerId,
                         List<LineV1> lines, AddressV1 shippingAddress, MoneyV1 total) {
    }

    /** The body of the events that carry nothing beyond the change itself: confirmed and delivered. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record OrderChangedV1(String orderId, long version, String occurredAt, String actor) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record OrderShippedV1(String orderId, long version, String occurredAt, String actor, String carrier,
                          String trackingNumber) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record OrderCancelledV1(String orderId, long version, String occurredAt, String actor, String reason) {
    }
}
