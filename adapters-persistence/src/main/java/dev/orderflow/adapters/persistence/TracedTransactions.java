package dev.orderflow.adapters.persistence;

import dev.orderflow.application.port.out.Transactions;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.ThreadPropagatedContextElement;
import io.micronaut.transaction.TransactionOperations;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.sql.Connection;
import java.util.function.Supplier;

/**
 * The storage's transactions, each in a span of its own: a child of the request's or message's span that runs
 * it, and the parent of what it records in the outbox. A nested call joins the outer transaction and its span.
 */
final class TracedTransactions implements Transactions {

    static final String SPAN_NAME = "orderflow transaction";
    private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system.name");

    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final Tracer tracer;

    TracedTransactions(Sql sql, TransactionOperations<Connection> transactions, Tracer tracer) {
        this.sql = sql;
        this.transactions = transactions;
        this.tracer = tracer;
    }

    /**
     * The span as the current trace context wherever Micronaut propagates its context: a transaction
     * re-applies the propagated context of the caller (with the request's span in it) on every call, which
     * would hide a span made current only on the thread.
     */
    private record Current(Context context) implements ThreadPropagatedContextElement<Scope> {
        @Override
        public Scope updateThreadContext() {
            return context.makeCurrent();
        }

        @Override
        public void restoreThreadContext(Scope scope) {
            scope.close();
        }
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return joinsCaller() ? sql.inTransaction(work) : inSpan(() -> sql.inTransaction(work));
    }

    /**
     * Runs work that writes with one statement: {@code joined} in the caller's transaction, and its span, if there
     * is one; otherwise {@code alone}, in the span of a transaction without opening one: PostgreSQL commits what it
     * sends on its own, which saves the round trips of BEGIN and COMMIT.
     */
    <T> T oneStatement(Supplier<T> joined, Supplier<T> alone) {
        return joinsCaller() ? joined.get() : inSpan(alone);
    }

    /** Whether the caller has a transaction, which work of this thread joins. */
    private boolean joinsCaller() {
        return transactions.findTransactionStatus().isPresent();
    }

    /** Runs work in the span of a transaction of its own. */
    private <T> T inSpan(Supplier<T> work) {
        var span = tracer.spanBuilder(SPAN_NAME).setSpanKind(SpanKind.CLIENT)
                .setAttribute(DB_SYSTEM, "postgresql").startSpan();
        try (var scope = PropagatedContext.getOrEmpty().plus(new Current(Context.current().with(span))).propagate()) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }
}
