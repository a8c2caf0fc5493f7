package dev.orderflow.domain;

import dev.orderflow.domain.Decision.Accepted;
import dev.orderflow.domain.Decision.Rejected;
import dev.orderflow.domain.Order.Cancelled;
import dev.orderflow.domain.Order.Confirmed;
import dev.orderflow.domain.Order.Delivered;
import dev.orderflow.domain.Order.Pending;
import dev.orderflow.domain.Order.Shipped;
import dev.orderflow.domain.OrderCommand.CancelOrder;
import dev.orderflow.domain.OrderCommand.ConfirmOrder;
import dev.orderflow.domain.OrderCommand.DeliverOrder;
import dev.orderflow.domain.OrderCommand.PlaceOrder;
import dev.orderflow.domain.OrderCommand.ShipOrder;
import dev.orderflow.domain.OrderEvent.OrderCancelled;
import dev.orderflow.domain.OrderEvent.OrderConfirmed;
import dev.orderflow.domain.OrderEvent.OrderDelivered;
import dev.orderflow.domain.OrderEvent.OrderPlaced;
import dev.orderflow.domain.OrderEvent.OrderShipped;
import dev.orderflow.domain.OrderState.None;
import dev.orderflow.domain.Rejection.Invariant;
import dev.orderflow.domain.Rejection.InvariantBroken;

import java.util.HashSet;
import java.util.List;

/**
 * The rules of an order's life: which commands are allowed in which state ({@link #decide}) and how
 * events change the state ({@link #evolve}). Both are pure functions.
 *
 * <pre>
 * Pending → Confirmed → Shipped → Delivered
 * Pending | Confirmed → Cancelled
 * </pre>
 */
public final class OrderLifecycle {

    /** Most lines an order may have. */
    public static final int MAX_LINES = 100;

    private OrderLifecycle() {
    }

    /**
     * Decides what a command does to an order in the given state.
     *
     * @throws IllegalArgumentException if the state belongs to another order than the command
     */
    public static Decision decide(OrderState state, OrderCommand command) {
        if (state instanceof Order order && !order.id().equals(command.orderId())) {
            throw new IllegalArgumentException("command for " + command.orderId() + " applied to " + order.id());
        }
        return switch (command) {
            case PlaceOrder place -> switch (state) {
                case None none -> place(place);
                case Order order -> new Rejected(new Rejection.AlreadyPlaced(order.id()));
            };
            case ConfirmOrder confirm -> switch (state) {
                case None none -> notPlaced(confirm);
                case Pending pending -> accept(new OrderConfirmed(
                        pending.id(), pending.version() + 1, confirm.at(), confirm.actor()));
                case Confirmed confirmed -> invalid(confirmed, "confirm");
                case Shipped shipped -> invalid(shipped, "confirm");
                case Delivered delivered -> invalid(delivered, "confirm");
                case Cancelled cancelled -> invalid(cancelled, "confirm");
            };
            case ShipOrder ship -> switch (state) {
                case None none -> notPlaced(ship);
                case Pending pending -> invalid(pending, "ship");
                case Confirmed confirmed -> accept(new OrderShipped(confirmed.id(), confirmed.version() + 1,
                        ship.at(), ship.actor(), ship.carrier(), ship.trackingNumber()));
                case Shipped shipped -> invalid(shipped, "ship");
                case Delivered delivered -> invalid(delivered, "ship");
                case Cancelled cancelled -> invalid(cancelled, "ship");
            };
            case DeliverOrder deliver -> switch (state) {
                case None none -> notPlaced(deliver);
                case Pending pending -> invalid(pending, "deliver");
                case Confirmed confirmed -> invalid(confirmed, "deliver");
                case Shipped shipped -> accept(new OrderDelivered(
                        shipped.id(), shipped.version() + 1, deliver.at(), deliver.actor()));
                case Delivered delivered -> invalid(delivered, "deliver");
                case Cancelled cancelled -> invalid(cancelled, "deliver");
            };
            case CancelOrder cancel -> switch (state) {
                case None none -> notPlaced(cancel);
                case Pending pending -> cancelled(pending, cancel);
                case Confirmed confirmed -> cancelled(confirmed, cancel);
                case Shipped shipped -> invalid(shipped, "cancel");
                case Delivered delivered -> invalid(delivered, "cancel");
                case Cancelled cancelled -> invalid(cancelled, "cancel");
            };
        };
    }

    /**
     * Applies an event to a state. Total: an event that does not follow from the state (another order, a
     * version that is not the next one, a transition the rules do not allow) leaves the state unchanged;
     * {@link #replay} refuses such histories instead.
     */
    public static OrderState evolve(OrderState state, OrderEvent event) {
        if (!follows(state, event)) {
            return state;
        }
        return switch (event) {
            case OrderPlaced placed -> switch (state) {
                case None none -> new Pending(new OrderDetails(placed.orderId(), placed.customerId(), placed.lines(),
                        placed.shippingAddress(), placed.total(), placed.occurredAt()), placed.version());
                case Order order -> order;
            };
            case OrderConfirmed confirmed -> switch (state) {
                case Pending pending -> new Confirmed(pending.details(), confirmed.version(), confirmed.occurredAt());
                case None none -> none;
                case Confirmed same -> same;
                case Shipped shipped -> shipped;
                case Delivered delivered -> delivered;
                case Cancelled cancelled -> cancelled;
            };
            case OrderShipped shipped -> switch (state) {
                case Confirmed confirmed -> new Shipped(confirmed.details(), shipped.version(),
                        confirmed.confirmedAt(), shipped.occurredAt(), shipped.carrier(), shipped.trackingNumber());
                case None none -> none;
                case Pending pending -> pending;
                case Shipped same -> same;
                case Delivered delivered -> delivered;
                case Cancelled cancelled -> cancelled;
            };
            case OrderDelivered delivered -> switch (state) {
                case Shipped shipped -> new Delivered(shipped.details(), delivered.version(), shipped.confirmedAt(),
                        shipped.shippedAt(), shipped.carrier(), shipped.trackingNumber(), delivered.occurredAt());
                case None none -> none;
                case Pending pending -> pending;
                case Confirmed confirmed -> confirmed;
                case Delivered same -> same;
                case Cancelled cancelled -> cancelled;
            };
            case OrderCancelled cancelled -> switch (state) {
                case Pending pending -> new Cancelled(pending.details(), cancelled.version(), OrderStatus.PENDING,
                        cancelled.occurredAt(), cancelled.reason());
                case Confirmed confirmed -> new Cancelled(confirmed.details(), cancelled.version(),
                        OrderStatus.CONFIRMED, cancelled.occurredAt(), cancelled.reason());
                case None none -> none;
                case Shipped shipped -> shipped;
                case Delivered delivered -> delivered;
                case Cancelled same -> same;
            };
        };
    }

    /**
     * Rebuilds an order from its history.
     *
     * @throws IllegalArgumentException if the history is not one order's events with versions 1, 2, …
     *                                  that the rules allow in that order
     */
    public static OrderState replay(List<? extends OrderEvent> history) {
        OrderState state = OrderState.none();
        for (var event : history) {
            var next = evolve(state, event);
            if (next == state) {
                throw new IllegalArgumentException("event " + event.getClass().getSimpleName() + " version "
                        + event.version() + " does not follow from the history before it");
            }
            state = next;
        }
        return state;
    }

    private static boolean follows(OrderState state, OrderEvent event) {
        return switch (state) {
            case None none -> event.version() == 1;
            case Order order -> order.id().equals(event.orderId()) && event.version() == order.version() + 1;
        };
    }

    private static Decision place(PlaceOrder place) {
        var lines = place.lines();
        if (lines.isEmpty()) {
            return broken(Invariant.AT_LEAST_ONE_LINE, "lines", "an order needs at least one line");
        }
        if (lines.size() > MAX_LINES) {
            return broken(Invariant.AT_MOST_MAX_LINES, "lines", "an order has at most " + MAX_LINES + " lines");
        }
        var currency = lines.getFirst().unitPrice().currency();
        var skus = new HashSet<Sku>();
        var total = Money.zero(currency);
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (!line.unitPrice().currency().equals(currency)) {
                return broken(Invariant.ONE_CURRENCY, "lines/" + i + "/unitPrice/currency",
                        "all lines of an order must be priced in one currency");
            }
            if (!skus.add(line.sku())) {
                return broken(Invariant.UNIQUE_SKU, "lines/" + i + "/sku",
                        "SKU " + line.sku() + " appears on more than one line");
            }
            try {
                total = total.plus(line.total());
            } catch (ArithmeticException e) {
                return broken(Invariant.TOTAL_FITS, "lines/" + i, "the order total is too large");
            }
        }
        return accept(new OrderPlaced(place.orderId(), 1, place.at(), place.actor(), place.customerId(), lines,
                place.shippingAddress(), total));
    }

    private static Decision cancelled(Order order, CancelOrder cancel) {
        return accept(new OrderCancelled(order.id(), order.version() + 1, cancel.at(), cancel.actor(),
                cancel.reason()));
    }

    private static Decision accept(OrderEvent event) {
        return new Accepted(List.of(event));
    }

    private static Decision invalid(Order order, String command) {
        return new Rejected(new Rejection.InvalidTransition(order.status(), command));
    }

    private static Decision notPlaced(OrderCommand command) {
        return new Rejected(new Rejection.NotPlaced(command.orderId()));
    }

    private static Decision broken(Invariant invariant, String field, String message) {
        return new Rejected(new InvariantBroken(invariant, field, message));
    }
}
