package dev.orderflow.adapters.persistence;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A process that opens the embedded database of a directory the way the service does, records one row, says
 * {@code ready} and waits for its standard input to close: the victim of {@link EmbeddedCrashIT}.
 */
final class EmbeddedChild {

    private EmbeddedChild() {
    }

    public static void main(String[] args) throws Exception {
        var database = Database.open(new Database.Settings(Optional.empty(), "", "", Path.of(args[0]), true, 2));
        try (var connection = database.dataSource().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS crash_probe (note text)");
            statement.execute("INSERT INTO crash_probe VALUES ('" + args[1] + "')");
        }
        System.out.println("ready");
        System.out.flush();
        System.in.read();
        database.close();
    }
}
