package dev.orderflow.testkit.contract;

import dev.orderflow.application.port.out.OrderStorage;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of contract tests that span the storage ports. A subclass supplies the adapters under test; each
 * test gets a storage in which no other test's data is visible. A contract of one port extends
 * {@link PortContract}.
 */
public abstract class StorageContract {

    /** The adapters under test, fresh for the current test. */
    protected OrderStorage storage;

    /** Returns the adapters under test, holding no data: called before each test. */
    protected abstract OrderStorage emptyStorage();

    @BeforeEach
    void createStorage() {
        storage = emptyStorage();
    }
}
