package dev.orderflow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** An order was placed: who ordered what, shipped where, for what total. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrderPlacedV1(String orderId, long version, String occurredAt, String actor, String customerId,
                            List<LineV1> lines, AddressV1 shippingAddress, MoneyV1 total) implements OrderEventV1 {
}
