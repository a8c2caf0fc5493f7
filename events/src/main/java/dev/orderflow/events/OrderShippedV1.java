package dev.orderflow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** An order was handed to a carrier. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrderShippedV1(String orderId, long version, String occurredAt, String actor, String carrier,
                             String trackingNumber) implements OrderEventV1 {
}
