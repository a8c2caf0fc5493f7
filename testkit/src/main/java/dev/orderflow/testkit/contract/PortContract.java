package dev.orderflow.testkit.contract;

import dev.orderflow.application.port.out.Transactions;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the contract test of one port. A subclass supplies the adapter under test and the
 * transactions of its storage; each test gets an adapter in which no other test's data is visible.
 *
 * @param <P> the port
 */
public abstract class PortContract<P> {

    /** The adapter under test, fresh for the current test. */
    protected P port;
    /** The transactions of the adapter's storage. */
    protected Transactions transactions;

    /** An adapter of a port and the transactions of its storage. */
    public record Subject<P>(P port, Transactions transactions) {
        /** Refuses missing parts. */
        public Subject {
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(transactions, "transactions");
        }
    }

    /** Returns the adapter under test, holding no data, with its transactions: called before each test. */
    protected abstract Subject<P> emptySubject();

    @BeforeEach
    void createSubject() {
        var subject = emptySubject();
        port = subject.port();
        transactions = subject.transactions();
    }
}
