package dev.orderflow.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * HikariCP's own pool metrics on /prometheus ({@code hikaricp_connections_active}, {@code _idle},
 * {@code _pending}, {@code _timeout_total}, {@code _acquire_seconds}, {@code _usage_seconds} and the rest,
 * tagged {@code pool="orderflow"}): how busy the pool is, how long requests wait for a connection, and how
 * many gave up.
 */
@Singleton
@Requires(beans = {DataSource.class, MeterRegistry.class})
final class PoolMetrics implements MeterBinder {

    private final DataSource dataSource;

    PoolMetrics(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).setMetricRegistry(registry);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the connection pool to register its metrics", e);
        }
    }
}
