package dev.orderflow.testkit;

import dev.orderflow.application.memory.InMemoryStorage;
import dev.orderflow.application.port.out.IdempotencyKeys;
import dev.orderflow.application.port.out.Inbox;
import dev.orderflow.application.port.out.OrderEventLog;
import dev.orderflow.application.port.out.OrderStorage;
import dev.orderflow.application.port.out.Orders;
import dev.orderflow.application.port.out.Outbox;
import dev.orderflow.testkit.contract.IdempotencyKeysContract;
import dev.orderflow.testkit.contract.InboxContract;
import dev.orderflow.testkit.contract.KeyedPlacementsContract;
import dev.orderflow.testkit.contract.OrderChangesContract;
import dev.orderflow.testkit.contract.OrderEventLogContract;
import dev.orderflow.testkit.contract.OrdersContract;
import dev.orderflow.testkit.contract.OutboxContract;
import dev.orderflow.testkit.contract.PaymentDeadlineContract;
import dev.orderflow.testkit.contract.TransactionsContract;
import org.junit.jupiter.api.Nested;

/** The in-memory adapters against every port contract. */
class InMemoryContractsTest {

    @Nested
    class OrdersPort extends OrdersContract {
        @Override
        protected Subject<Orders> emptySubject() {
            var storage = InMemoryStorage.create();
            return new Subject<>(storage.orders(), storage.transactions());
        }
    }

    @Nested
    class EventLogPort extends OrderEventLogContract {
        @Override
        protected Subject<OrderEventLog> emptySubject() {
            var storage = InMemoryStorage.create();
            return new Subject<>(storage.eventLog(), storage.transactions());
        }
    }

    @Nested
    class OutboxPort extends OutboxContract {
        @Override
        protected Subject<Outbox> emptySubject() {
            var storage = InMemoryStorage.create();
            return new Subject<>(storage.outbox(), storage.transactions());
        }
    }

    @Nested
    class IdempotencyKeysPort extends IdempotencyKeysContract {
        @Override
        protected Subject<IdempotencyKeys> emptySubject() {
            var storage = InMemoryStorage.create();
            return new Subject<>(storage.idempotencyKeys(), storage.transactions());
        }
    }

    @Nested
    class Placements extends KeyedPlacementsContract {
        @Override
        protected OrderStorage emptyStorage() {
            return InMemoryStorage.create();
        }
    }

    @Nested
    class Changes extends OrderChangesContract {
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
    class InboxPort extends InboxContract {
        @Override
        protected Subject<Inbox> emptySubject() {
            var storage = InMemoryStorage.create();
            return new Subject<>(storage.inbox(), storage.transactions());
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
