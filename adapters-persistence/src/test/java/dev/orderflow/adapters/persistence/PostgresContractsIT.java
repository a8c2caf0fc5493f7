package dev.orderflow.adapters.persistence;

import dev.orderflow.application.contract.IdempotencyKeysContract;
import dev.orderflow.application.contract.InboxContract;
import dev.orderflow.application.contract.OrderEventLogContract;
import dev.orderflow.application.contract.OrdersContract;
import dev.orderflow.application.contract.OutboxContract;
import dev.orderflow.application.contract.PaymentDeadlineContract;
import dev.orderflow.application.contract.TransactionsContract;
import dev.orderflow.application.port.out.OrderStorage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The PostgreSQL adapters against every port contract, on a real database. */
class PostgresContractsIT {

    @RegisterExtension
    static final TestStorage running = new TestStorage();

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

    @Nested
    class PaymentDeadlines extends PaymentDeadlineContract {
        @Override
        protected OrderStorage emptyStorage() {
            return running.emptied();
        }
    }
}
