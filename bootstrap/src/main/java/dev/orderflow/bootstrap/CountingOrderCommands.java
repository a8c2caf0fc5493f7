package dev.orderflow.bootstrap;

import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.application.port.in.ExpectedVersion;
import dev.orderflow.application.port.in.IdempotencyKey;
import dev.orderflow.application.port.in.IdempotentResult;
import dev.orderflow.application.port.in.NewOrder;
import dev.orderflow.application.port.in.OrderCommands;
import dev.orderflow.application.port.in.StoredReply;
import dev.orderflow.bootstrap.OrderMetrics.Command;
import dev.orderflow.bootstrap.OrderMetrics.Transition;
import dev.orderflow.domain.Actor;
import dev.orderflow.domain.CancellationReason;
import dev.orderflow.domain.Carrier;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.Rejection;
import dev.orderflow.domain.TrackingNumber;
import java.util.function.Function;

/** Counts what becomes of every command, then hands back the result unchanged. */
final class CountingOrderCommands implements OrderCommands {

    private final OrderCommands delegate;
    private final OrderMetrics metrics;

    CountingOrderCommands(OrderCommands delegate, OrderMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public CommandResult place(NewOrder order) {
        return counted(Command.PLACE, delegate.place(order));
    }

    @Override
    public IdempotentResult place(NewOrder order, IdempotencyKey key,
                                  Function<CommandResult, StoredReply> respond) {
        var result = delegate.place(order, key, respond);
        switch (result) {
            case IdempotentResult.Executed executed -> counted(Command.PLACE, executed.result());
            case IdempotentResult.Replayed replayed -> metrics.replayed();
            case IdempotentResult.InFlight inFlight -> metrics.refused(Command.PLACE, "idempotency_key_in_flight");
            case IdempotentResult.KeyReused reused -> metrics.refused(Command.PLACE, "idempotency_key_reused");
        }
        return result;
    }

    @Override
    public CommandResult confirm(OrderId id, ExpectedVersion expected, Actor actor) {
        return counted(Command.CONFIRM, delegate.confirm(id, expected, actor));
    }

    @Override
    public CommandResult ship(OrderId id, ExpectedVersion expected, Carrier carrier, TrackingNumber trackingNumber,
                              Actor actor) {
        return counted(Command.SHIP, delegate.ship(id, expected, carrier, trackingNumber, actor));
    }

    @Override
    public CommandResult deliver(OrderId id, ExpectedVersion expected, Actor actor) {
        return counted(Command.DELIVER, delegate.deliver(id, expected, actor));
    }

    @Override
    public CommandResult cancel(OrderId id, ExpectedVersion expected, CancellationReason reason, Actor actor) {
        return counted(Command.CANCEL, delegate.cancel(id, expected, reason, actor));
    }

    private CommandResult counted(Command command, CommandResult result) {
        switch (result) {
            case CommandResult.Accepted accepted -> accepted(command);
            case CommandResult.Rejected rejected -> metrics.refused(command, kind(rejected.rejection()));
            case CommandResult.NotFound notFound -> metrics.refused(command, "not_found");
            case CommandResult.VersionMismatch mismatch -> metrics.refused(command, "version_mismatch");
            case CommandResult.Conflict conflict -> metrics.refused(command, "conflict");
        }
        return result;
    }

    private void accepted(Command command) {
        switch (command) {
            case PLACE -> metrics.placed();
            case CONFIRM -> metrics.transitioned(Transition.CONFIRM);
            case SHIP -> metrics.transitioned(Transition.SHIP);
            case DELIVER -> metrics.transitioned(Transition.DELIVER);
            case CANCEL -> metrics.transitioned(Transition.CANCEL);
        }
    }

    private static String kind(Rejection rejection) {
        return switch (rejection) {
            case Rejection.InvalidTransition invalid -> "invalid_transition";
            case Rejection.InvariantBroken broken -> "invariant_broken";
            case Rejection.AlreadyPlaced placed -> "already_placed";
            case Rejection.NotPlaced notPlaced -> "not_placed";
        };
    }
}
