package dev.orderflow.adapters.persistence;

import static dev.orderflow.testkit.contract.ContractFixtures.T0;
import static dev.orderflow.testkit.contract.ContractFixtures.deliveredLife;
import static dev.orderflow.testkit.contract.ContractFixtures.newId;
import static dev.orderflow.testkit.contract.ContractFixtures.pending;
import static dev.orderflow.testkit.contract.ContractFixtures.placed;
import static dev.orderflow.testkit.contract.ContractFixtures.publishAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderflow.application.port.out.OutboxEntry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Outbox entries keep the trace context current when they were appended, as W3C headers, and none outside a
 * trace. Without an OpenTelemetry SDK here the transaction's span is OpenTelemetry's no-op, which passes the
 * caller's span context through unchanged.
 */
class OutboxTraceContextIT {

    @RegisterExtension
    static final TestStorage running = new TestStorage();

    @Test
    void an_entry_keeps_the_trace_context_of_the_change_that_recorded_it() {
        var storage = running.emptied();
        var caller = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
                TraceFlags.getSampled(), TraceState.getDefault());
        var traced = deliveredLife(newId()).getFirst();
        var untraced = deliveredLife(newId()).getFirst();
        try (var scope = Span.wrap(caller).makeCurrent()) {
            storage.transactions().inTransaction(() -> {
                storage.outbox().append(List.of(traced));
                return null;
            });
        }
        storage.transactions().inTransaction(() -> {
            storage.outbox().append(List.of(untraced));
            return null;
        });

        var claimed = publishAll(storage.outbox(), T0);
        assertEquals(2, claimed.size(), claimed::toString);
        assertEquals(Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
                claimed.getFirst().traceContext());
        assertEquals(Map.of(), claimed.get(1).traceContext());
    }

    @Test
    void a_recorded_change_s_entry_keeps_the_trace_context_too() {
        var storage = running.emptied();
        var caller = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault());
        var order = pending();
        try (var scope = Span.wrap(caller).makeCurrent()) {
            storage.transactions().inTransaction(() -> storage.changes().record(order, 0, List.of(placed(order))));
        }

        var claimed = publishAll(storage.outbox(), T0);
        assertEquals(List.of(placed(order)), claimed.stream().map(OutboxEntry::event).toList());
        assertEquals(Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                claimed.getFirst().traceContext());
    }
}
