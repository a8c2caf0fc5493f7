package dev.orderflow.adapters.persistence;

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
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stored form of events: the type, order id, version and time go to their own columns, everything
 * else (the actor and the event's own fields) to a JSON object. The JSON is storage-internal; the shape
 * on the wire is the messaging adapter's.
 */
final class EventJson {

    /** The columns of a stored event, in the order {@link #bind} binds them and {@link #read} reads them. */
    static final String COLUMNS = "order_id, version, event_type, occurred_at, payload";
    /** The placeholders of {@link #COLUMNS}. */
    static final String PLACEHOLDERS = "?, ?, ?, ?, ?::jsonb";

    private final JsonMapper json;

    EventJson(JsonMapper json) {
        this.json = json;
    }

    /** Binds the event to the parameters of {@link #COLUMNS} from {@code first} on. */
    void bind(PreparedStatement statement, int first, OrderEvent event) throws SQLException {
        statement.setObject(first, event.orderId().value());
        statement.setLong(first + 1, event.version());
        statement.setString(first + 2, type(event));
        Sql.setInstant(statement, first + 3, event.occurredAt());
        statement.setString(first + 4, payload(event));
    }

    /** Reads the event from the columns of {@link #COLUMNS} in the current row. */
    OrderEvent read(ResultSet row) throws SQLException {
        return event(row.getString("event_type"), new OrderId(row.getObject("order_id", UUID.class)),
                row.getLong("version"), Sql.instant(row, "occurred_at"), row.getString("payload"));
    }

    private static String type(OrderEvent event) {
        return switch (event) {
            case OrderEvent.OrderPlaced e -> "OrderPlaced";
            case OrderEvent.OrderConfirmed e -> "OrderConfirmed";
            case OrderEvent.OrderShipped e -> "OrderShipped";
            case OrderEvent.OrderDelivered e -> "OrderDelivered";
            case OrderEvent.OrderCancelled e -> "OrderCancelled";
        };
    }

    private String payload(OrderEvent event) {
        var fields = new LinkedHashMap<String, JsonNode>();
        fields.put("actor", text(event.actor().token()));
        switch (event) {
            case OrderEvent.OrderPlaced placed -> {
                fields.put("customerId", text(placed.customerId().value()));
                fields.put("currency", text(placed.total().currency().getCurrencyCode()));
                fields.put("totalMinor", JsonNode.createNumberNode(placed.total().minorUnits()));
                var lines = new ArrayList<JsonNode>();
                for (var line : placed.lines()) {
                    lines.add(JsonNode.createObjectNode(Map.of(
                            "sku", text(line.sku().value()),
                            "quantity", JsonNode.createNumberNode(line.quantity().value()),
                            "unitPriceMinor", JsonNode.createNumberNode(line.unitPrice().minorUnits()))));
                }
                fields.put("lines", JsonNode.createArrayNode(lines));
                var a = placed.shippingAddress();
                fields.put("shippingAddress", JsonNode.createObjectNode(Map.of(
                        "recipient", text(a.recipient()), "line1", text(a.line1()), "line2", text(a.line2()),
                        "postalCode", text(a.postalCode()), "city", text(a.city()), "region", text(a.region()),
                        "country", text(a.country()))));
            }
            case OrderEvent.OrderConfirmed confirmed -> {
            }
            case OrderEvent.OrderShipped shipped -> {
                fields.put("carrier", text(shipped.carrier().name()));
                fields.put("trackingNumber", text(shipped.trackingNumber().value()));
            }
            case OrderEvent.OrderDelivered delivered -> {
            }
            case OrderEvent.OrderCancelled cancelled -> fields.put("reason", text(cancelled.reason().text()));
        }
        try {
            return json.writeValueAsString(JsonNode.createObjectNode(fields));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write event " + event.orderId() + "/" + event.version(), e);
        }
    }

    private OrderEvent event(String type, OrderId orderId, long version, Instant occurredAt, String payload) {
        JsonNode fields;
        try {
            fields = json.readValue(payload, Argument.of(JsonNode.class));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable stored event " + orderId + "/" + version, e);
        }
        var actor = Actor.parse(string(fields, "actor"));
        return switch (type) {
            case "OrderPlaced" -> placed(orderId, version, occurredAt, actor, fields);
            case "OrderConfirmed" -> new OrderEvent.OrderConfirmed(orderId, version, occurredAt, actor);
            case "OrderShipped" -> new OrderEvent.OrderShipped(orderId, version, occurredAt, actor,
                    new Carrier(string(fields, "carrier")), new TrackingNumber(string(fields, "trackingNumber")));
            case "OrderDelivered" -> new OrderEvent.OrderDelivered(orderId, version, occurredAt, actor);
            case "OrderCancelled" -> new OrderEvent.OrderCancelled(orderId, version, occurredAt, actor,
                    new CancellationReason(string(fields, "reason")));
            default -> throw new IllegalStateException("unknown stored event type " + type);
        };
    }

    private static OrderEvent.OrderPlaced placed(OrderId orderId, long version, Instant occurredAt, Actor actor,
                                                 JsonNode fields) {
        var currency = Currency.getInstance(string(fields, "currency"));
        var lines = new ArrayList<OrderLine>();
        for (var line : field(fields, "lines").values()) {
            lines.add(new OrderLine(new Sku(string(line, "sku")), new Quantity(field(line, "quantity").getIntValue()),
                    new Money(field(line, "unitPriceMinor").getLongValue(), currency)));
        }
        var a = field(fields, "shippingAddress");
        var address = new ShippingAddress(string(a, "recipient"), string(a, "line1"), string(a, "line2"),
                string(a, "postalCode"), string(a, "city"), string(a, "region"), string(a, "country"));
        return new OrderEvent.OrderPlaced(orderId, version, occurredAt, actor, new CustomerId(string(fields, "customerId")),
                List.copyOf(lines), address, new Money(field(fields, "totalMinor").getLongValue(), currency));
    }

    private static JsonNode text(String value) {
        return JsonNode.createStringNode(value);
    }

    private static JsonNode field(JsonNode node, String name) {
        var value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("stored event lacks \"" + name + "\"");
        }
        return value;
    }

    private static String string(JsonNode node, String name) {
        return field(node, name).getStringValue();
    }
}
