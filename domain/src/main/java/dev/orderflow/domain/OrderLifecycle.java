package dev.orderflow.domain;

import dev.orderflow.domain.Decision.Accepted;
import dev.orderflow.domain.Decision.Rejected;
import dev.orderflow.domain.Evolution.Applied;
import dev.orderflow.domain.Evolution.Ignored;
import dev.orderflow.domain.Evolution.Reason;
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
     * version that is not the next one, a transition the rules do not allow) is {@link Ignored}, with the
     * reason, and leaves the state unchanged; {@link #replay} refuses such histories.
     */
    public static Evolution evolve(OrderState state, OrderEvent event) {
        return switch (state) {
            case None none -> event.version() != 1 ? ignored(none, Reason.NOT_NEXT_VERSION) : switch (event) {
                case OrderPlaced placed -> new Applied(new Pending(new OrderDetails(placed.orderId(),
                        placed.customerId(), placed.lines(), placed.shippingAddress(), placed.total(),
                        placed.occurredAt()), placed.version()));
                case OrderConfirmed confirmed -> notAllowed(none);
                case OrderShipped shipped -> notAllowed(none);
                case OrderDelivered delivered -> notAllowed(none);
                case OrderCancelled cancelled -> notAllowed(none);
            };
            case Order order when !order.id().equals(event.orderId()) -> ignored(order, Reason.OTHER_ORDER);
            case Order order when event.version() != order.version() + 1 -> ignored(order, Reason.NOT_NEXT_VERSION);
            case Order order -> evolveOrder(order, event);
        };
    }

    private static Evolution evolveOrder(Order order, OrderEvent event) {
        return switch (event) {
            case OrderPlaced placed -> notAllowed(order);
            case OrderConfirmed confirmed -> switch (order) {
                case Pending pending -> new Applied(
                        new Confirmed(pending.details(), confirmed.version(), confirmed.occurredAt()));
                case Confirmed same -> notAllowed(same);
                case Shipped shipped -> notAllowed(shipped);
                case Delivered delivered -> notAllowed(delivered);
                case Cancelled cancelled -> notAllowed(cancelled);
            };
            case OrderShipped shipped -> switch (order) {
                case Confirmed confirmed -> new Applied(new Shipped(confirmed.details(), shipped.version(),
                        confirmed.confirmedAt(), shipped.occurredAt(), shipped.carrier(), shipped.trackingNumber()));
                case Pending pending -> notAllowed(pending);
                case Shipped same -> notAllowed(same);
                case Delivered delivered -> notAllowed(delivered);
                case Cancelled cancelled -> notAllowed(cancelled);
            };
            case OrderDelivered delivered -> switch (order) {
                case Shipped shipped -> new Applied(new Delivered(shipped.details(), delivered.version(),
                        shipped.confirmedAt(), shipped.shippedAt(), shipped.carrier(), shipped.trackingNumber(),
                        delivered.occurredAt()));
                case Pending pending -> notAllowed(pending);
                case Confirmed confirmed -> notAllowed(confirmed);
                case Delivered same -> notAllowed(same);
                case Cancelled cancelled -> notAllowed(cancelled);
            };
            case OrderCancelled cancelled -> switch (order) {
                case Pending pending -> new Applied(new Cancelled(pending.details(), cancelled.version(),
                        OrderStatus.PENDING, cancelled.occurredAt(), cancelled.reason()));
                case Confirmed confirmed -> new Applied(new Cancelled(confirmed.details(), cancelled.version(),
                        OrderStatus.CONFIRMED, cancelled.occurredAt(), cancelled.reason()));
                case Shipped shipped -> notAllowed(shipped);
                case Delivered delivered -> notAllowed(delivered);
                case Cancelled same -> notAllowed(same);
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
            state = switch (evolve(state, event)) {
                case Applied applied -> applied.order();
                case Ignored ignored -> throw new IllegalArgumentException("event "
                        + event.getClass().getSimpleName() + " version " + event.version()
                        + " does not follow from the history before it: " + ignored.reason());
            };
        }
        return state;
    }

    private static Evolution notAllowed(OrderState state) {
        return ignored(state, Reason.TRANSITION_NOT_ALLOWED);
    }

    private static Evolution ignored(OrderState state, Reason reason) {
        return new Ignored(state, reason);
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
