package dev.orderflow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** An order was confirmed. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrderConfirmedV1(String orderId, long version, String occurredAt, String actor) implements OrderEventV1 {
}
