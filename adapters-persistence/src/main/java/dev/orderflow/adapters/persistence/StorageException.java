package dev.orderflow.adapters.persistence;

import java.sql.SQLException;

/** The database failed to run a statement: broken infrastructure or a bug, never an expected outcome. */
final class StorageException extends RuntimeException {

    StorageException(String what, SQLException cause) {
        super("PostgreSQL failed (SQLSTATE " + cause.getSQLState() + ") to " + what + ": " + cause.getMessage(), cause);
    }
}
