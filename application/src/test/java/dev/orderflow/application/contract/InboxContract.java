package dev.orderflow.application.contract;

import static dev.orderflow.application.contract.ContractFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderflow.application.port.out.Inbox.Receipt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orderflow.application.port.out.Inbox}. */
public abstract class InboxContract extends StorageContract {

    @Test
    void a_message_is_new_once_per_consumer() {
        var id = UUID.randomUUID().toString();
        assertEquals(Receipt.NEW, storage.inbox().receive("payments", id, T0));
        assertEquals(Receipt.DUPLICATE, storage.inbox().receive("payments", id, T0.plusSeconds(1)));
        assertEquals(Receipt.NEW, storage.inbox().receive("shipping", id, T0));
        storage.inbox().recordOutcome("payments", id, "accepted");
    }

    @Test
    void a_receipt_in_a_failed_transaction_is_forgotten() {
        var id = UUID.randomUUID().toString();
        assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(() -> {
            storage.inbox().receive("payments", id, T0);
            throw new IllegalStateException("effect failed");
        }));
        assertEquals(Receipt.NEW, storage.inbox().receive("payments", id, T0));
    }

    @Test
    void concurrent_deliveries_of_one_message_have_one_new_receipt() throws Exception {
        var id = UUID.randomUUID().toString();
        var receipts = Concurrently.times(6, () -> storage.transactions().inTransaction(
                () -> storage.inbox().receive("payments", id, T0)));
        assertEquals(1, receipts.stream().filter(Receipt.NEW::equals).count());
    }

    @Test
    void retention_deletes_old_receipts_only() {
        var old = UUID.randomUUID().toString();
        var recent = UUID.randomUUID().toString();
        storage.inbox().receive("payments", old, T0);
        storage.inbox().receive("payments", recent, T0.plusSeconds(100));
        assertEquals(1, storage.inbox().deleteReceivedBefore(T0.plusSeconds(50)));
        assertEquals(Receipt.NEW, storage.inbox().receive("payments", old, T0.plusSeconds(200)));
        assertEquals(Receipt.DUPLICATE, storage.inbox().receive("payments", recent, T0.plusSeconds(200)));
    }
}
