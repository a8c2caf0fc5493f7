package dev.orderflow.adapters.persistence;

import dev.orderflow.application.port.out.Inbox;
import java.time.Instant;

/** The messages each consumer has handled, in the {@code inbox} table ({@link InboxRows}). */
final class PostgresInbox implements Inbox {

    private final Sql sql;
    private final InboxRows rows;

    PostgresInbox(Sql sql, InboxRows rows) {
        this.sql = sql;
        this.rows = rows;
    }

    @Override
    public Receipt receive(String consumer, String messageId, Instant at) {
        int inserted = sql.call("receive a message", () -> rows.receive(consumer, messageId, at));
        return inserted == 1 ? Receipt.NEW : Receipt.DUPLICATE;
    }

    @Override
    public void recordOutcome(String consumer, String messageId, String outcome) {
        int updated = sql.call("record the outcome of a message", () -> rows.recordOutcome(consumer, messageId, outcome));
        if (updated == 0) {
            throw new IllegalStateException("message " + messageId + " was not received by " + consumer);
        }
    }

    @Override
    public int deleteReceivedBefore(Instant before) {
        return sql.bulk("delete received messages", () -> rows.deleteByReceivedAtLessThan(before));
    }
}
