package dev.orderflow.adapters.persistence;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL from Testcontainers, touched only when its classes are on the test class path. */
final class Containers {

    private Containers() {
    }

    static boolean dockerAvailable() {
        try {
            Class.forName("org.testcontainers.postgresql.PostgreSQLContainer");
        } catch (ClassNotFoundException e) {
            return false;
        }
        return Docker.available();
    }

    /** How to connect to a container's server as its administrator. */
    record Admin(String url, String user, String password) {
    }

    /** Starts a PostgreSQL 17 container for the JVM's lifetime. */
    static Admin startPostgres() {
        return Docker.startPostgres();
    }

    /** Loaded only after the check above found Testcontainers. */
    private static final class Docker {
        static boolean available() {
            return DockerClientFactory.instance().isDockerAvailable();
        }

        @SuppressWarnings("resource") // Testcontainers' reaper stops it when the JVM exits
        static Admin startPostgres() {
            var container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            return new Admin(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
    }
}
