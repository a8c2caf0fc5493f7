package dev.orderflow.adapters.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a database's schema is exactly the one this build's migrations make, read from Flyway's history
 * table with one query. Most starts find it so, and then skip Flyway, whose set-up, class-path scan and
 * validation are the largest part of a start. Anything else (no history yet, a pending, failed, edited or
 * newer migration) is left to Flyway, which migrates or refuses as it always did.
 */
final class SchemaHistory {

    /** One applied migration as Flyway records it. */
    record Applied(String version, int checksum) {}

    /** This build's migrations, as {@code db/flyway-checksums.txt} lists them. */
    static final List<Applied> SHIPPED = shipped();

    private SchemaHistory() {
    }

    /** The successful migrations recorded in the database, in the order they ran; empty without a history. */
    static List<Applied> applied(Connection connection) throws SQLException {
        try (var exists = connection.prepareStatement("SELECT to_regclass('flyway_schema_history') IS NOT NULL");
             var found = exists.executeQuery()) {
            found.next();
            if (!found.getBoolean(1)) {
                return List.of();
            }
        }
        var applied = new ArrayList<Applied>();
        try (var statement = connection.prepareStatement("""
                SELECT version, checksum FROM flyway_schema_history
                WHERE success AND version IS NOT NULL ORDER BY installed_rank""");
             var rows = statement.executeQuery()) {
            while (rows.next()) {
                applied.add(new Applied(rows.getString(1), rows.getInt(2)));
            }
        }
        return applied;
    }

    /** True when the database has run exactly this build's migrations, and nothing else. */
    static boolean isCurrent(Connection connection) throws SQLException {
        return applied(connection).equals(SHIPPED);
    }

    /** The version the shipped migrations end at. */
    static String currentVersion() {
        return SHIPPED.getLast().version();
    }

    private static List<Applied> shipped() {
        try (var in = SchemaHistory.class.getResourceAsStream("/db/flyway-checksums.txt")) {
            if (in == null) {
                throw new IllegalStateException("db/flyway-checksums.txt is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.trim().split("\\s+"))
                    .map(parts -> new Applied(parts[0], Integer.parseInt(parts[1])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
