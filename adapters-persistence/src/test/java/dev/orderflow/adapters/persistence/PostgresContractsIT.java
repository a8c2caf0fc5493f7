package dev.orderflow.adapters.persistence;

import dev.orderflow.application.port.out.IdempotencyKeys;
import dev.orderflow.application.port.out.Inbox;
import dev.orderflow.application.port.out.OrderEventLog;
import dev.orderflow.application.port.out.OrderStorage;
import dev.orderflow.application.port.out.Orders;
import dev.orderflow.application.port.out.Outbox;
import dev.orderflow.testkit.contract.IdempotencyKeysContract;
import dev.orderflow.testkit.contract.InboxContract;
import dev.orderflow.testkit.contract.OrderEventLogContract;
import dev.orderflow.testkit.contract.OrdersContract;
import dev.orderflow.testkit.contract.OutboxContract;
import dev.orderflow.testkit.contract.PaymentDeadlineContract;
import dev.orderflow.testkit.contract.TransactionsContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The PostgreSQL adapters against every port contract, on a real database. */
class PostgresContractsIT {

    @RegisterExtension
    static final TestStorage running = new TestStorage();

    @Nested
    class OrdersPort extends OrdersContract {
        @Override
        protected Subject<Orders> emptySubject() {
            var storage = running.emptied();
            return new Subject<>(storage.orders(), storage.transactions());
        }
    }

    @Nested
    class EventLogPort extends OrderEventLogContract {
        @Override
        protected Subject<OrderEventLog> emptySubject() {
            var storage = running.emptied();
            return new Subject<>(storage.eventLog(), storage.transactions());
        }
    }

    @Nested
    class OutboxPort extends OutboxContract {
        @Override
        protected Subject<Outbox> emptySubject() {
            var storage = running.emptied();
            return new Subject<>(storage.outbox(), storage.transactions());
        }

        @Override
        protected int parallelClaimEntries() {
            return 10_000;
        }
    }

    @Nested
    class IdempotencyKeysPort extends IdempotencyKeysContract {
        @Override
        protected Subject<IdempotencyKeys> emptySubject() {
            var storage = running.emptied();
            return new Subject<>(storage.idempotencyKeys(), storage.transactions());
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
    class InboxPort extends InboxContract {
        @Override
        protected Subject<Inbox> emptySubject() {
            var storage = running.emptied();
            return new Subject<>(storage.inbox(), storage.transactions());
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
