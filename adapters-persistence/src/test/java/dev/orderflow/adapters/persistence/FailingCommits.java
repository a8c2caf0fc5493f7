package dev.orderflow.adapters.persistence;

import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Stands the storage's {@link DataSource} in for one whose connections, while {@link #ARMED}, lose the server
 * at commit: the statements of the transaction ran, the commit fails with SQL state 08006 (connection
 * failure) and the server rolls back, as when the network drops at the last moment. Everything else goes to
 * the real data source. Active in contexts with {@code orderflow.test.failing-commits=true}.
 */
@Singleton
@Requires(property = "orderflow.test.failing-commits", value = "true")
final class FailingCommits implements BeanCreatedEventListener<DataSource> {

    static final AtomicBoolean ARMED = new AtomicBoolean();

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        // below Micronaut's own wrapper, whose connections exist only inside its connection scope
        var real = DelegatingDataSource.unwrapDataSource(event.getBean());
        var dataSource = mock(DataSource.class, delegatesTo(real));
        try {
            doAnswer(call -> failingAtCommit(real.getConnection())).when(dataSource).getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("stubbing does not connect", e);
        }
        return dataSource;
    }

    private static Connection failingAtCommit(Connection real) throws SQLException {
        var connection = mock(Connection.class, delegatesTo(real));
        doAnswer(call -> {
            if (ARMED.get()) {
                real.rollback();
                throw new SQLException("I/O error: connection reset during commit", "08006");
            }
            real.commit();
            return null;
        }).when(connection).commit();
        return connection;
    }
}
