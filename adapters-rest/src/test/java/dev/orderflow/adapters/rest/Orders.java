package dev.orderflow.adapters.rest;

import dev.orderflow.domain.Carrier;
import dev.orderflow.domain.CustomerId;
import dev.orderflow.domain.Money;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderDetails;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.OrderLine;
import dev.orderflow.domain.Quantity;
import dev.orderflow.domain.ShippingAddress;
import dev.orderflow.domain.Sku;
import dev.orderflow.domain.TrackingNumber;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Orders in given states for unit tests. */
final class Orders {

    static final Instant PLACED = Instant.parse("2025-03-01T10:00:00Z");

    private Orders() {
    }

    static OrderDetails details() {
        var line = new OrderLine(new Sku("BOOK-1"), new Quantity(2), Money.parse("12.50", "EUR"));
        return new OrderDetails(new OrderId(UUID.fromString("01968a4e-3c1b-7cde-8f00-0123456789ab")),
                new CustomerId("c-42"), List.of(line),
                new ShippingAddress("Ada Lovelace", "1 Main St", "", "10115", "Berlin", "", "DE"),
                Money.parse("25.00", "EUR"), PLACED);
    }

    static Order confirmedAtVersion(long version) {
        return new Order.Confirmed(details(), version, PLACED.plusSeconds(60));
    }

    static Order shipped() {
        return new Order.Shipped(details(), 3, PLACED.plusSeconds(60), PLACED.plusSeconds(120), new Carrier("DHL"),
                new TrackingNumber("JD0001"));
    }
}
