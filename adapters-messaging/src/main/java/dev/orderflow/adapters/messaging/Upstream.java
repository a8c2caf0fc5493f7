package dev.orderflow.adapters.messaging;

import dev.orderflow.application.port.in.UpstreamEvent;
import dev.orderflow.domain.CancellationReason;
import dev.orderflow.domain.Carrier;
import dev.orderflow.domain.InvalidValueException;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.TrackingNumber;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The two upstream systems whose events orderflow consumes, and the JSON of those events (JSON Schemas in
 * docs/schemas, golden examples in the tests). Each system may send only its own event types.
 */
enum Upstream {
    PAYMENTS("payments", EnumSet.of(MessageType.PaymentSucceeded, MessageType.PaymentFailed)),
    SHIPPING("shipping", EnumSet.of(MessageType.ParcelShipped, MessageType.ParcelDelivered));

    /** The values of a message's {@code type}, version 1: the constant's name is the value. */
    enum MessageType {
        PaymentSucceeded, PaymentFailed, ParcelShipped, ParcelDelivered
    }

    private final String consumer;
    private final Set<MessageType> types;

    Upstream(String consumer, Set<MessageType> types) {
        this.consumer = consumer;
        this.types = types;
    }

    /** The name under which messages are recorded in the inbox, and the actor of the changes they cause. */
    String consumer() {
        return consumer;
    }

    /** The message types this system may send. */
    Set<MessageType> types() {
        return types;
    }

    /** What a record's value turned out to be. */
    sealed interface Parsed {
        /** A well-formed event with its message id. */
        record Event(String messageId, UpstreamEvent event) implements Parsed {
        }

        /** Not an event this topic may carry, for the reason given. */
        record Malformed(String reason) implements Parsed {
        }
    }

    /** Reads a record's value: JSON with {@code type}, {@code eventId}, {@code orderId} and the type's fields. */
    Parsed parse(ObjectMapper json, byte[] value) {
        if (value == null) {
            return new Parsed.Malformed("the record has no value");
        }
        MessageV1 message;
        try {
            message = json.readValue(value, MessageV1.class);
        } catch (IOException | RuntimeException e) {
            return new Parsed.Malformed("not a JSON object of the expected shape: " + e.getMessage());
        }
        if (message == null) {
            return new Parsed.Malformed("the value is JSON null");
        }
        try {
            var name = required("type", message.type());
            var type = types.stream().filter(t -> t.name().equals(name)).findFirst();
            if (type.isEmpty()) {
                return new Parsed.Malformed("unknown type \"" + name + "\" for " + consumer + "; expected one of "
                        + types.stream().map(MessageType::name).sorted().toList());
            }
            var eventId = eventId(message.eventId());
            var orderId = OrderId.parse(required("orderId", message.orderId()));
            return new Parsed.Event(eventId, switch (type.get()) {
                case PaymentSucceeded -> new UpstreamEvent.PaymentSucceeded(orderId);
                case PaymentFailed ->
                        new UpstreamEvent.PaymentFailed(orderId, new CancellationReason(required("reason", message.reason())));
                case ParcelShipped -> new UpstreamEvent.ParcelShipped(orderId,
                        new Carrier(required("carrier", message.carrier())),
                        new TrackingNumber(required("trackingNumber", message.trackingNumber())));
                case ParcelDelivered -> new UpstreamEvent.ParcelDelivered(orderId);
            });
        } catch (InvalidValueException e) {
            return new Parsed.Malformed(e.field() + " " + e.getMessage());
        }
    }

    /** The longest event id kept in the inbox. */
    static final int MAX_EVENT_ID_LENGTH = 200;
    private static final java.util.regex.Pattern PRINTABLE = java.util.regex.Pattern.compile("\\p{Graph}[\\p{Graph} ]*");

    /**
     * The sender's message id, 1 to 200 printable ASCII characters: anything else is malformed and goes to the
     * dead-letter topic at once, without retries and before it reaches the inbox or the logs' search indexes.
     */
    private static String eventId(@Nullable String value) {
        var id = required("eventId", value);
        if (id.length() > MAX_EVENT_ID_LENGTH || !PRINTABLE.matcher(id).matches()) {
            throw new InvalidValueException("eventId", "must be 1 to " + MAX_EVENT_ID_LENGTH
                    + " printable ASCII characters");
        }
        return id;
    }

    private static String required(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "is missing");
        }
        return value;
    }

    /** Version 1 of the upstream JSON; unknown fields are ignored so that senders may add some. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MessageV1(@Nullable String type, @Nullable String eventId, @Nullable String orderId,
                     @Nullable String reason, @Nullable String carrier, @Nullable String trackingNumber) {
    }
}
