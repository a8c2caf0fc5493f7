package dev.orderflow.application.port.in;

import dev.orderflow.domain.Actor;
import dev.orderflow.domain.CustomerId;
import dev.orderflow.domain.OrderLine;
import dev.orderflow.domain.ShippingAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/** A request to place an order; the id and the time are chosen by the service. */
public record NewOrder(CustomerId customerId, List<OrderLine> lines, ShippingAddress shippingAddress, Actor actor) {

    /** Refuses missing parts and copies the lines. */
    public NewOrder {
        Objects.requireNonNull(customerId, "customerId");
        lines = List.copyOf(lines);
        Objects.requireNonNull(shippingAddress, "shippingAddress");
        Objects.requireNonNull(actor, "actor");
    }

    /**
     * A SHA-256 digest of everything in the request, in hex: two requests have the same fingerprint exactly
     * when they ask for the same order. Used to tell a retry from a different request under one
     * idempotency key.
     */
    public String fingerprint() {
        var canonical = new StringBuilder();
        field(canonical, customerId.value());
        field(canonical, actor.token());
        field(canonical, Integer.toString(lines.size()));
        for (var line : lines) {
            field(canonical, line.sku().value());
            field(canonical, Integer.toString(line.quantity().value()));
            field(canonical, Long.toString(line.unitPrice().minorUnits()));
            field(canonical, line.unitPrice().currency().getCurrencyCode());
        }
        var a = shippingAddress;
        for (var part : List.of(a.recipient(), a.line1(), a.line2(), a.postalCode(), a.city(), a.region(),
                a.country())) {
            field(canonical, part);
        }
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    // length-prefixed so that no two different field lists give the same text
    private static void field(StringBuilder canonical, String value) {
        canonical.append(value.length()).append(':').append(value).append(';');
    }
}
