package dev.orderflow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** An amount as a decimal string with the currency's minor digits ({@code "12.50"}) and an ISO 4217 code. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MoneyV1(String amount, String currency) {
}
