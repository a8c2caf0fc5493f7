package dev.orderflow.adapters.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;

/** The {@code inbox} table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface InboxRows extends GenericRepository<InboxRow, Void> {

    /** 1 if the message is new; 0 if it was received before (a concurrent delivery waits for the first one). */
    @Query("INSERT INTO inbox (consumer, message_id, received_at) VALUES (:consumer, :messageId, :receivedAt) "
            + "ON CONFLICT (consumer, message_id) DO NOTHING")
    int receive(String consumer, String messageId, Instant receivedAt);

    @Query("UPDATE inbox SET outcome = :outcome WHERE consumer = :consumer AND message_id = :messageId")
    int recordOutcome(String consumer, String messageId, String outcome);

    int deleteByReceivedAtLessThan(Instant before);
}
