package dev.orderflow.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The setup the docs recommend for an external database: the service connects as a role that is no superuser
 * and owns the schema, and the migrations and the service work under it.
 */
class SchemaOwnerIT {

    @Test
    void migrations_and_the_service_work_under_a_role_that_only_owns_the_schema() throws Exception {
        var database = TestDatabase.empty();
        var role = "orderflow_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var password = "pw-" + UUID.randomUUID();
        try (var admin = database.dataSource().getConnection(); var statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '"
                    + password + "'");
            statement.execute("ALTER SCHEMA public OWNER TO " + role);
        }
        try {
            var asRole = new PGSimpleDataSource();
            asRole.setUrl(database.url());
            asRole.setUser(role);
            asRole.setPassword(password);
            Database.migrate(asRole);
            try (var opened = Database.open(new Database.Settings(Optional.of(database.url()), role, password,
                    Path.of("unused"), true, 2));
                 var connection = asRole.getConnection();
                 var rows = connection.createStatement().executeQuery(
                         "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user")) {
                rows.next();
                assertEquals(7, rows.getInt(1), "the six tables and Flyway's history, all owned by the role");
            }
        } finally {
            try (var admin = database.dataSource().getConnection(); var statement = admin.createStatement()) {
                statement.execute("DROP OWNED BY " + role);
                statement.execute("DROP ROLE " + role);
            }
        }
    }
}
