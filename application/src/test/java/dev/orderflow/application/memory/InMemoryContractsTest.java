package dev.orderflow.application.memory;

import dev.orderflow.application.contract.IdempotencyKeysContract;
import dev.orderflow.application.contract.InboxContract;
import dev.orderflow.application.contract.OrderEventLogContract;
import dev.orderflow.application.contract.OrdersContract;
import dev.orderflow.application.contract.OutboxContract;
import dev.orderflow.application.contract.PaymentDeadlineContract;
import dev.orderflow.application.contract.TransactionsContract;
import dev.orderflow.application.port.out.OrderStorage;
import org.junit.jupiter.api.Nested;

/** The in-memory adapters against every port contract. */
class InMemoryContractsTest {

    @Nested
    class Orders extends OrdersContract {
        @Override
        protected OrderStorage emptyStorage() {
            return InMemoryStorage.create();
        }
    }

    @Nested
    class EventLog extends OrderEventLogContract {
        @Override
        protected OrderStorage emptyStorage() {
            return InMemoryStorage.create();
        }
    }

    @Nested
    class Outbox extends OutboxContract {
        @Override
        protected OrderStorage emptyStorage() {
            return InMemoryStorage.create();
        }
    }

    @Nested
    class IdempotencyKeys extends IdempotencyKeysContract {
        @Override
        protected OrderStorage emptyStorage() {
            return InMemoryStorage.create();
        }
    }

    @Nested
    class Transactions extends TransactionsContract {
        @Override
        protected OrderStorage emptyStorage() {
            return InMemoryStorage.create();
        }
    }

    @Nested
    class Inbox extends InboxContract {
        @Override
        protected OrderStorage emptyStorage() {
            return InMemoryStorage.create();
        }
    }

    @Nested
    class PaymentDeadlines extends PaymentDeadlineContract {
        @Override
        protected OrderStorage emptyStorage() {
            return InMemoryStorage.create();
        }
    }
}
