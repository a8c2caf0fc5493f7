package dev.orderflow.domain;

import static dev.orderflow.domain.Fixtures.ADDRESS;
import static dev.orderflow.domain.Fixtures.CLERK;
import static dev.orderflow.domain.Fixtures.CUSTOMER;
import static dev.orderflow.domain.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Property-style checks over generated inputs: a seeded generator makes thousands of command sequences
 * and line sets; a failure names the seed so that the case can be rerun.
 */
class OrderLifecyclePropertiesTest {

    private static final int RUNS = 2_000;
    private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = Map.of(
            OrderStatus.PENDING, Set.of(OrderStatus.CONFIRMED, OrderStatus.CANCELLED),
            OrderStatus.CONFIRMED, Set.of(OrderStatus.SHIPPED, OrderStatus.CANCELLED),
            OrderStatus.SHIPPED, Set.of(OrderStatus.DELIVERED),
            OrderStatus.DELIVERED, Set.of(),
            OrderStatus.CANCELLED, Set.of());
    private static final List<Currency> CURRENCIES =
            List.of(Currency.getInstance("EUR"), Currency.getInstance("USD"), Currency.getInstance("JPY"));

    @Test
    void any_command_sequence_keeps_the_invariants_and_replay_reproduces_the_state() {
        for (long seed = 0; seed < RUNS; seed++) {
            var random = new Random(seed);
            var id = new OrderId(new UUID(random.nextLong(), random.nextLong()));
            OrderState state = OrderState.none();
            var history = new ArrayList<OrderEvent>();
            int steps = 1 + random.nextInt(12);
            for (int step = 0; step < steps; step++) {
                var command = randomCommand(random, id, step);
                var decision = OrderLifecycle.decide(state, command);
                switch (decision) {
                    case Decision.Accepted accepted -> {
                        var before = state;
                        for (var event : accepted.events()) {
                            state = assertInstanceOf(Evolution.Applied.class, OrderLifecycle.evolve(state, event),
                                    "seed " + seed).order();
                            history.add(event);
                        }
                        checkTransition(seed, before, state, accepted.events().size());
                    }
                    case Decision.Rejected rejected -> assertTrue(
                            !rejected.rejection().message().isBlank(), "seed " + seed);
                }
                assertEquals(state, OrderLifecycle.replay(history), "replay differs, seed " + seed);
                if (state instanceof Order order) {
                    checkOrder(seed, order);
                }
            }
        }
    }

    @Test
    void placement_is_accepted_exactly_when_the_lines_satisfy_every_invariant() {
        for (long seed = 0; seed < RUNS; seed++) {
            var random = new Random(seed);
            var lines = randomLines(random);
            var command = new OrderCommand.PlaceOrder(Fixtures.ORDER, CUSTOMER, lines, ADDRESS, CLERK, T0);
            var decision = OrderLifecycle.decide(OrderState.none(), command);
            boolean valid = !lines.isEmpty() && lines.size() <= OrderLifecycle.MAX_LINES
                    && lines.stream().map(l -> l.unitPrice().currency()).distinct().count() == 1
                    && lines.stream().map(OrderLine::sku).distinct().count() == lines.size()
                    && exactTotalFits(lines);
            switch (decision) {
                case Decision.Accepted accepted -> {
                    assertTrue(valid, "accepted invalid lines, seed " + seed);
                    var placed = assertInstanceOf(OrderEvent.OrderPlaced.class, accepted.events().getFirst());
                    assertEquals(exactTotal(lines), placed.total().minorUnits(), "seed " + seed);
                }
                case Decision.Rejected rejected -> assertTrue(!valid, "rejected valid lines (" + rejected
                        + "), seed " + seed);
            }
        }
    }

    private static void checkTransition(long seed, OrderState before, OrderState after, int events) {
        var order = assertInstanceOf(Order.class, after, "seed " + seed);
        switch (before) {
            case OrderState.None none -> assertEquals(OrderStatus.PENDING, order.status(), "seed " + seed);
            case Order previous -> {
                assertTrue(ALLOWED.get(previous.status()).contains(order.status()),
                        previous.status() + " -> " + order.status() + ", seed " + seed);
                assertEquals(previous.version() + events, order.version(), "seed " + seed);
                assertEquals(previous.details(), order.details(), "details changed, seed " + seed);
            }
        }
    }

    private static void checkOrder(long seed, Order order) {
        var lines = order.details().lines();
        if (lines.isEmpty() || lines.size() > OrderLifecycle.MAX_LINES) {
            fail("line count " + lines.size() + ", seed " + seed);
        }
        assertEquals(lines.size(), new HashSet<>(lines.stream().map(OrderLine::sku).toList()).size(), "seed " + seed);
        assertEquals(exactTotal(lines), order.details().total().minorUnits(), "seed " + seed);
    }

    private static OrderCommand randomCommand(Random random, OrderId id, int minute) {
        var at = T0.plusSeconds(60L * minute);
        return switch (random.nextInt(5)) {
            case 0 -> new OrderCommand.PlaceOrder(id, CUSTOMER, randomLines(random), ADDRESS, CLERK, at);
            case 1 -> new OrderCommand.ConfirmOrder(id, CLERK, at);
            case 2 -> new OrderCommand.ShipOrder(id, new Carrier("UPS"), new TrackingNumber("T" + minute), CLERK, at);
            case 3 -> new OrderCommand.DeliverOrder(id, CLERK, at);
            default -> new OrderCommand.CancelOrder(id, new CancellationReason("reason " + minute), CLERK, at);
        };
    }

    private static List<OrderLine> randomLines(Random random) {
        int count = switch (random.nextInt(10)) {
            case 0 -> 0;
            case 1 -> 95 + random.nextInt(10);
            default -> 1 + random.nextInt(6);
        };
        boolean mixCurrencies = random.nextInt(8) == 0;
        boolean hugePrices = random.nextInt(8) == 0;
        var currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
        var lines = new ArrayList<OrderLine>();
        for (int i = 0; i < count; i++) {
            var sku = new Sku("SKU-" + random.nextInt(count * 3 + 1));
            var lineCurrency = mixCurrencies ? CURRENCIES.get(random.nextInt(CURRENCIES.size())) : currency;
            long price = hugePrices ? Long.MAX_VALUE / (1 + random.nextInt(20_000)) : random.nextInt(100_000);
            lines.add(new OrderLine(sku, new Quantity(1 + random.nextInt(Quantity.MAX)), new Money(price, lineCurrency)));
        }
        return lines;
    }

    private static boolean exactTotalFits(List<OrderLine> lines) {
        var total = java.math.BigInteger.ZERO;
        for (var line : lines) {
            total = total.add(java.math.BigInteger.valueOf(line.unitPrice().minorUnits())
                    .multiply(java.math.BigInteger.valueOf(line.quantity().value())));
        }
        return total.bitLength() < 64;
    }

    private static long exactTotal(List<OrderLine> lines) {
        return lines.stream().mapToLong(l -> l.unitPrice().minorUnits() * l.quantity().value()).sum();
    }
}
