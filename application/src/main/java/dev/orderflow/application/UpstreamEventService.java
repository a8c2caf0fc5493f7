package dev.orderflow.application;

import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.application.port.in.ExpectedVersion;
import dev.orderflow.application.port.in.OrderCommands;
import dev.orderflow.application.port.in.UpstreamEvent;
import dev.orderflow.application.port.in.UpstreamEvents;
import dev.orderflow.application.port.out.Inbox;
import dev.orderflow.application.port.out.Transactions;
import dev.orderflow.domain.Actor;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Carries out {@link UpstreamEvents}: records the message in the {@link Inbox inbox} and runs the matching order
 * command in one transaction, so that the receipt exists exactly when the effect does.
 */
public final class UpstreamEventService implements UpstreamEvents {

    private final Inbox inbox;
    private final Transactions transactions;
    private final OrderCommands commands;
    private final InstantSource clock;

    /**
     * A service that records messages in {@code inbox} and runs {@code commands} in one of
     * {@code transactions}: the commands must run on the same storage as the inbox, so that they join it.
     */
    public UpstreamEventService(Inbox inbox, Transactions transactions, OrderCommands commands,
                                InstantSource clock) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Handling handle(String consumer, String messageId, UpstreamEvent event) {
        var actor = new Actor.System(consumer);
        return transactions.inTransaction(() -> switch (inbox.receive(consumer, messageId,
                clock.instant())) {
            case DUPLICATE -> new Handling.Duplicate();
            case NEW -> settle(consumer, messageId, apply(event, actor));
        });
    }

    private CommandResult apply(UpstreamEvent event, Actor actor) {
        var id = event.orderId();
        var any = ExpectedVersion.any();
        return switch (event) {
            case UpstreamEvent.PaymentSucceeded paid -> commands.confirm(id, any, actor);
            case UpstreamEvent.PaymentFailed failed -> commands.cancel(id, any, failed.reason(), actor);
            case UpstreamEvent.ParcelShipped shipped ->
                    commands.ship(id, any, shipped.carrier(), shipped.trackingNumber(), actor);
            case UpstreamEvent.ParcelDelivered delivered -> commands.deliver(id, any, actor);
        };
    }

    /** Records in the inbox what the command led to. */
    private Handling settle(String consumer, String messageId, CommandResult result) {
        return switch (result) {
            case CommandResult.Accepted accepted -> {
                inbox.recordOutcome(consumer, messageId, "applied: " + accepted.order().status());
                yield new Handling.Applied(accepted.order());
            }
            case CommandResult.Rejected rejected -> refuse(consumer, messageId, rejected.rejection().message());
            case CommandResult.NotFound notFound ->
                    refuse(consumer, messageId, "order " + notFound.orderId() + " does not exist");
            // with ExpectedVersion.any() a mismatch cannot happen; both mean: try the message again later
            case CommandResult.VersionMismatch mismatch ->
                    throw new IllegalStateException("order " + mismatch.current().id() + " changed meanwhile");
            case CommandResult.Conflict conflict ->
                    throw new IllegalStateException("order " + conflict.orderId() + " kept changing");
        };
    }

    private Handling refuse(String consumer, String messageId, String reason) {
        inbox.recordOutcome(consumer, messageId, "refused: " + reason);
        return new Handling.Refused(reason);
    }
}
