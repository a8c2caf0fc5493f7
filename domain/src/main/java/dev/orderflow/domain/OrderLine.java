package dev.orderflow.domain;

import java.util.Objects;

/** One line of an order: a quantity of one SKU at a unit price. */
public record OrderLine(Sku sku, Quantity quantity, Money unitPrice) {

    /** Refuses missing parts. */
    public OrderLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
    }

    /** Unit price times quantity; throws {@link ArithmeticException} if it does not fit in a long. */
    public Money total() {
        return unitPrice.times(quantity.value());
    }
}
