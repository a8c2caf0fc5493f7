package dev.orderflow.adapters.persistence;

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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.application.port.in.IdempotencyKey;
import dev.orderflow.application.port.out.IdempotencyKeys.Claim;
import dev.orderflow.testkit.contract.Concurrently;
import dev.orderflow.testkit.contract.ContractFixtures;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
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
        protected int parallelRelayEntries() {
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

        @Test
        void a_key_claimed_in_an_open_transaction_is_busy_at_once_for_everyone_else() throws Exception {
            var key = new IdempotencyKey("busy-" + UUID.randomUUID());
            var claimed = new CountDownLatch(1);
            var checked = new CountDownLatch(1);
            try (var holder = Executors.newSingleThreadExecutor()) {
                var held = holder.submit(() -> transactions.inTransaction(() -> {
                    var claim = port.claim(key, "fp-1", ContractFixtures.T0, ContractFixtures.T0,
                            ContractFixtures.T0.plusSeconds(60));
                    claimed.countDown();
                    Concurrently.await(checked);
                    return claim;
                }));
                assertTrue(claimed.await(1, TimeUnit.MINUTES));
                // the holder's transaction is open until `checked`: a claim that waited for it would never return
                var other = port.claim(key, "fp-2", ContractFixtures.T0,
                        ContractFixtures.T0, ContractFixtures.T0.plusSeconds(60));
                checked.countDown();
                assertEquals(new Claim.Acquired(), held.get(1, TimeUnit.MINUTES));
                assertEquals(new Claim.Busy(), other);
            }
        }
    }

    @Nested
    class Placements extends KeyedPlacementsContract {
        @Override
        protected OrderStorage emptyStorage() {
            return running.emptied();
        }
    }

    @Nested
    class Changes extends OrderChangesContract {
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
