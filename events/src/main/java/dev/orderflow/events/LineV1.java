package dev.orderflow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** A line of a placed order. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LineV1(String sku, int quantity, MoneyV1 unitPrice) {
}
