package dev.orderflow.application;

import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.application.port.in.ExpectedVersion;
import dev.orderflow.application.port.in.OrderCommands;
import dev.orderflow.application.port.out.Orders;
import dev.orderflow.application.port.out.Transactions;
import dev.orderflow.domain.Actor;
import dev.orderflow.domain.CancellationReason;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Cancels the pending orders whose payment did not arrive in time, through the ordinary cancel command, so
 * the usual {@code OrderCancelled} event tells the payment service to void any authorization. Each batch
 * claims overdue orders in one transaction and cancels them at the version it claimed, so an order that a
 * payment confirmed in the meantime is never cancelled; any number of instances may run it at once, since
 * the claims keep them apart. Nothing is kept in memory between runs: a run after a restart finds every
 * order that became overdue meanwhile.
 */
public final class PaymentDeadline {

    /** Who cancels an overdue order. */
    public static final Actor ACTOR = new Actor.System("orderflow");
    /** Why an overdue order is cancelled. */
    public static final CancellationReason REASON = new CancellationReason("payment not received in time");

    private final Orders orders;
    private final Transactions transactions;
    private final OrderCommands commands;
    private final InstantSource clock;
    private final Settings settings;

    /** How long a pending order waits for its payment, and how many overdue orders one transaction cancels. */
    public record Settings(Duration deadline, int batchSize) {

        /** Refuses a deadline that is not positive and a batch size below 1. */
        public Settings {
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("deadline must be positive");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1");
            }
        }
    }

    /** A deadline over the orders, cancelling through {@code commands} inside {@code transactions}. */
    public PaymentDeadline(Orders orders, Transactions transactions, OrderCommands commands, InstantSource clock,
                           Settings settings) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Cancels every order that has been pending for longer than the deadline now, batch after batch, and
     * says how many it cancelled. Orders that another run holds are left to it.
     */
    public int cancelOverdue() {
        var placedBefore = clock.instant().minus(settings.deadline());
        int total = 0;
        while (true) {
            var batch = transactions.inTransaction(() -> {
                var claimed = orders.claimOverdue(placedBefore, settings.batchSize());
                int cancelled = 0;
                for (var overdue : claimed) {
                    var result = commands.cancel(overdue.id(), ExpectedVersion.exactly(overdue.version()), REASON,
                            ACTOR);
                    if (result instanceof CommandResult.Accepted) {
                        cancelled++;
                    }
                }
                return new Batch(claimed.size(), cancelled);
            });
            total += batch.cancelled();
            // a short batch was the last; a batch that cancelled nothing would only claim the same orders again
            if (batch.claimed() < settings.batchSize() || batch.cancelled() == 0) {
                return total;
            }
        }
    }

    private record Batch(int claimed, int cancelled) {
    }
}
