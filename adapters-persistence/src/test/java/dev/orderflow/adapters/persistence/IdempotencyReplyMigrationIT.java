package dev.orderflow.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderflow.application.port.in.IdempotencyKey;
import dev.orderflow.application.port.in.StoredReply;
import dev.orderflow.application.port.out.IdempotencyKeys.Claim;
import dev.orderflow.application.port.out.OrderStorage;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V4 turns the replies that idempotency keys hold in the format of before (status, headers, body columns)
 * into the bytes the REST adapter encodes today, and the storage hands them back unchanged.
 */
class IdempotencyReplyMigrationIT {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-12-01T10:00:30Z");

    @Test
    void a_completed_key_of_before_replays_as_the_rest_adapters_encoding_and_an_in_flight_one_stays_in_flight()
            throws SQLException {
        var database = TestDatabase.empty();
        Flyway.configure().dataSource(database.dataSource()).locations(Database.MIGRATIONS).target("2").load()
                .migrate();
        try (var connection = database.dataSource().getConnection(); var s = connection.createStatement()) {
            s.execute("""
                    INSERT INTO idempotency_keys VALUES
                    ('done', 'fp-1', '2026-12-01T09:59:00Z', '2026-12-02T09:59:00Z', 201,
                     '{"Location": "/api/v1/orders/0192", "ETag": "\\"1\\""}', '{"id":"0192","note":"süß"}'),
                    ('busy', 'fp-2', '2026-12-01T09:59:50Z', '2026-12-02T09:59:50Z', NULL, NULL, NULL)
                    """);
        }

        Database.migrate(database.dataSource());

        try (var context = ApplicationContext.run(database.properties())) {
            var keys = context.getBean(OrderStorage.class).idempotencyKeys();
            var done = keys.claim(new IdempotencyKey("done"), "fp-1", NOW, NOW.minusSeconds(60), NOW.plusSeconds(60));
            var expected = """
                    {"body": "{\\"id\\":\\"0192\\",\\"note\\":\\"süß\\"}", "status": 201, "headers": \
                    {"ETag": "\\"1\\"", "Location": "/api/v1/orders/0192"}}""";
            assertEquals(new Claim.Completed("fp-1", new StoredReply(expected.getBytes(StandardCharsets.UTF_8))),
                    done, () -> "stored reply: " + text(done));
            assertEquals(new Claim.InFlight("fp-2"), keys.claim(new IdempotencyKey("busy"), "fp-2", LATER,
                    LATER.minusSeconds(60), LATER.plusSeconds(60)));
        }
    }

    private static String text(Claim claim) {
        return claim instanceof Claim.Completed completed
                ? new String(completed.response().bytes(), StandardCharsets.UTF_8)
                : claim.toString();
    }
}
