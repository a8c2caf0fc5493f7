package dev.orderflow.adapters.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The {@code order_events} table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface EventRows extends GenericRepository<EventRow, Void> {

    List<EventRow> findByOrderIdOrderByVersion(UUID orderId);

    /**
     * Inserts one event; a duplicate version aborts the statement. (Its payload parameter is not named after the
     * entity's {@code payload}, or Micronaut Data would bind it as the entity's bytes.)
     */
    @Query("INSERT INTO order_events (order_id, version, event_type, occurred_at, payload) "
            + "VALUES (:orderId, :version, :eventType, :occurredAt, CAST(:payloadJson AS jsonb))")
    void appendOne(UUID orderId, long version, String eventType, Instant occurredAt, String payloadJson);

    /** Inserts the events of {@link EventJson.Rows.Many} in one statement; a duplicate version aborts it. */
    @Query("INSERT INTO order_events (order_id, version, event_type, occurred_at, payload) "
            + "SELECT e.order_id, e.version, e.event_type, e.occurred_at, e.payload FROM " + EventJson.RECORDS)
    void append(String events);
}
