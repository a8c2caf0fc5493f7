package dev.orderflow.adapters.persistence;

import java.sql.SQLException;

/** The database failed to run a statement: broken infrastructure or a bug, never an expected outcome. */
final class StorageException extends RuntimeException {

    StorageException(String sql, SQLException cause) {
        super("PostgreSQL failed (SQLSTATE " + cause.getSQLState() + ") running: " + firstLine(sql), cause);
    }

    private static String firstLine(String sql) {
        var trimmed = sql.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline) + " ...";
    }
}
