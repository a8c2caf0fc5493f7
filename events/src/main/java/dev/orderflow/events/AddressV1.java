package dev.orderflow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** Where a placed order goes; {@code line2} and {@code region} are empty strings when not given. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AddressV1(String recipient, String line1, String line2, String postalCode, String city, String region,
                        String country) {
}
