package dev.orderflow.adapters.persistence;

import static dev.orderflow.adapters.persistence.Sql.setInstant;

import dev.orderflow.application.port.out.Inbox;
import java.time.Instant;

/** The messages each consumer has handled, in the {@code inbox} table keyed by consumer and message id. */
final class PostgresInbox implements Inbox {

    // a concurrent delivery of the same message waits for the first one's transaction, then inserts nothing
    private static final String RECEIVE = "INSERT INTO inbox (consumer, message_id, received_at) VALUES (?, ?, ?) "
            + "ON CONFLICT (consumer, message_id) DO NOTHING";
    private static final String RECORD_OUTCOME = "UPDATE inbox SET outcome = ? WHERE consumer = ? AND message_id = ?";
    private static final String DELETE_BEFORE = "DELETE FROM inbox WHERE received_at < ?";

    private final Sql sql;

    PostgresInbox(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Receipt receive(String consumer, String messageId, Instant at) {
        int inserted = sql.update(RECEIVE, s -> {
            s.setString(1, consumer);
            s.setString(2, messageId);
            setInstant(s, 3, at);
        });
        return inserted == 1 ? Receipt.NEW : Receipt.DUPLICATE;
    }

    @Override
    public void recordOutcome(String consumer, String messageId, String outcome) {
        int updated = sql.update(RECORD_OUTCOME, s -> {
            s.setString(1, outcome);
            s.setString(2, consumer);
            s.setString(3, messageId);
        });
        if (updated == 0) {
            throw new IllegalStateException("message " + messageId + " was not received by " + consumer);
        }
    }

    @Override
    public int deleteReceivedBefore(Instant before) {
        return sql.bulkUpdate(DELETE_BEFORE, s -> setInstant(s, 1, before));
    }
}
