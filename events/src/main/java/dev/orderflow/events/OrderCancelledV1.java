package dev.orderflow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** An order was cancelled, for the reason given. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrderCancelledV1(String orderId, long version, String occurredAt, String actor, String reason)
        implements OrderEventV1 {
}
