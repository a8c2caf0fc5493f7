package dev.orderflow.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void money_parses_and_prints_plain_decimals_in_minor_units() {
        assertEquals(new Money(1234, EUR), Money.parse("12.34", "EUR"));
        assertEquals(new Money(1230, EUR), Money.parse("12.3", "EUR"));
        assertEquals("12.30", Money.parse("12.3", "EUR").toDecimalString());
        assertEquals("500", Money.parse("500", "JPY").toDecimalString());
        assertEquals("0.000", Money.parse("0", "BHD").toDecimalString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1.00", "1e3", "1.234", "NaN", "12,34", " 1.00", "1.", ".5", "99999999999999999999"})
    void money_refuses_what_is_not_a_plain_amount(String amount) {
        var e = assertThrows(InvalidValueException.class, () -> Money.parse(amount, "EUR"));
        assertEquals("amount", e.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EURO", "ZZZ", "XAU", ""})
    void money_refuses_unknown_currencies_and_currencies_without_minor_units(String code) {
        var e = assertThrows(InvalidValueException.class, () -> Money.parse("1", code));
        assertEquals("currency", e.field());
    }

    @Test
    void money_arithmetic_is_exact_and_refuses_to_overflow() {
        assertEquals(new Money(300, EUR), new Money(100, EUR).times(3));
        assertEquals(new Money(350, EUR), new Money(100, EUR).plus(new Money(250, EUR)));
        assertThrows(ArithmeticException.class, () -> new Money(Long.MAX_VALUE, EUR).plus(new Money(1, EUR)));
        assertThrows(ArithmeticException.class, () -> new Money(Long.MAX_VALUE / 2 + 1, EUR).times(2));
        assertThrows(ArithmeticException.class,
                () -> new Money(1, EUR).plus(new Money(1, Currency.getInstance("USD"))));
        assertThrows(InvalidValueException.class, () -> new Money(-1, EUR));
    }

    @Test
    void quantity_is_between_one_and_ten_thousand() {
        assertEquals(1, new Quantity(1).value());
        assertEquals(10_000, new Quantity(10_000).value());
        assertThrows(InvalidValueException.class, () -> new Quantity(0));
        assertThrows(InvalidValueException.class, () -> new Quantity(10_001));
        assertThrows(InvalidValueException.class, () -> new Quantity(-5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-abc", "a b", "a/b", "../etc", "ä"})
    void sku_refuses_odd_shapes(String sku) {
        assertThrows(InvalidValueException.class, () -> new Sku(sku));
    }

    @Test
    void text_values_are_stripped_and_length_limited() {
        assertEquals("SKU-1", new Sku("  SKU-1 ").value());
        assertThrows(InvalidValueException.class, () -> new Sku("A".repeat(65)));
        assertEquals(64, new Sku("A".repeat(64)).value().length());
        assertThrows(InvalidValueException.class, () -> new CancellationReason("x".repeat(501)));
        assertThrows(InvalidValueException.class, () -> new CancellationReason("  "));
        assertThrows(InvalidValueException.class, () -> new CancellationReason("bad\u0000byte"));
        assertThrows(InvalidValueException.class, () -> new Carrier(""));
        assertThrows(InvalidValueException.class, () -> new TrackingNumber("has space"));
        assertThrows(InvalidValueException.class, () -> new CustomerId("x".repeat(65)));
    }

    @Test
    void address_requires_its_parts_and_a_real_country() {
        var address = new ShippingAddress(" Ada ", "1 Main St", "", "10115", "Berlin", "", "DE");
        assertEquals("Ada", address.recipient());
        var e = assertThrows(InvalidValueException.class,
                () -> new ShippingAddress("Ada", "1 Main St", "", "10115", "Berlin", "", "XX"));
        assertEquals("country", e.field());
        e = assertThrows(InvalidValueException.class,
                () -> new ShippingAddress("Ada", " ", "", "10115", "Berlin", "", "DE"));
        assertEquals("line1", e.field());
        assertEquals("shippingAddress/line1", e.within("shippingAddress").field());
        assertThrows(InvalidValueException.class,
                () -> new ShippingAddress("A".repeat(201), "1 Main St", "", "10115", "Berlin", "", "DE"));
    }

    @Test
    void order_ids_parse_only_canonical_uuids() {
        var id = OrderId.parse("0190f5c8-0000-7000-8000-000000000001");
        assertEquals("0190f5c8-0000-7000-8000-000000000001", id.toString());
        assertThrows(InvalidValueException.class, () -> OrderId.parse("1-1-1-1-1"));
        assertThrows(InvalidValueException.class, () -> OrderId.parse("../../etc/passwd"));
        assertThrows(InvalidValueException.class, () -> OrderId.parse("zzzzzzzz-0000-7000-8000-000000000001"));
        assertThrows(InvalidValueException.class, () -> OrderId.parse("+190f5c8-0000-7000-8000-000000000001"));
        assertThrows(InvalidValueException.class, () -> OrderId.parse("0190f5c8-+000-7000-8000-000000000001"));
        assertThrows(InvalidValueException.class, () -> OrderId.parse("0190f5c8-0000-7000-8000-00000000000١"));
        assertThrows(InvalidValueException.class, () -> OrderId.parse("0190f5c8x0000-7000-8000-000000000001"));
        assertEquals(id, OrderId.parse("0190F5C8-0000-7000-8000-000000000001"));
    }

    @Test
    void actors_round_trip_through_their_token() {
        for (var actor : new Actor[] {new Actor.Customer(new CustomerId("c-1")), new Actor.Staff("ann"),
                new Actor.System("payments")}) {
            assertEquals(actor, Actor.parse(actor.token()));
        }
        assertThrows(InvalidValueException.class, () -> Actor.parse("robot:x"));
        assertThrows(InvalidValueException.class, () -> Actor.parse("nobody"));
    }
}
