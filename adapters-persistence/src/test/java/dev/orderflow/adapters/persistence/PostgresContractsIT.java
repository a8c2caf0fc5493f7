package dev.orderflow.adapters.persistence;

import dev.orderflow.application.contract.IdempotencyKeysContract;
import dev.orderflow.application.contract.InboxContract;
import dev.orderflow.application.contract.OrderEventLogContract;
import dev.orderflow.application.contract.OrdersContract;
import dev.orderflow.application.contract.OutboxContract;
import dev.orderflow.application.contract.TransactionsContract;
import dev.orderflow.application.port.out.OrderStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The PostgreSQL adapters against every port contract, on a real database. */
class PostgresContractsIT {

    private static TestStorage running;

    @BeforeAll
    static void start() {
        running = TestStorage.start();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Nested
    class Orders extends OrdersContract {
        @Override
        protected OrderStorage emptyStorage() {
            return running.emptied();
        }
    }

    @Nested
    class EventLog extends OrderEventLogContract {
        @Override
        protected OrderStorage emptyStorage() {
            return running.emptied();
        }
    }

    @Nested
    class Outbox extends OutboxContract {
        @Override
        protected OrderStorage emptyStorage() {
            return running.emptied();
        }

        @Override
        protected int parallelClaimEntries() {
            return 10_000;
        }
    }

    @Nested
    class IdempotencyKeys extends IdempotencyKeysContract {
        @Override
        protected OrderStorage emptyStorage() {
            return running.emptied();
        }
    }

    @Nested
    class Transactions extends TransactionsContract {
        @Override
        protected OrderStorage emptyStorage() {
            return running.emptied();
        }
    }

    @Nested
    class Inbox extends InboxContract {
        @Override
        protected OrderStorage emptyStorage() {
            return running.emptied();
        }
    }
}
