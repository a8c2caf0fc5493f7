package dev.orderflow.testkit.contract;

import dev.orderflow.application.port.out.Inbox;
import static dev.orderflow.testkit.contract.ContractFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderflow.application.port.out.Inbox.Receipt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orderflow.application.port.out.Inbox}. */
public abstract class InboxContract extends PortContract<Inbox> {

    @Test
    void a_message_is_new_once_per_consumer() {
        var id = UUID.randomUUID().toString();
        assertEquals(Receipt.NEW, port.receive("payments", id, T0));
        assertEquals(Receipt.DUPLICATE, port.receive("payments", id, T0.plusSeconds(1)));
        assertEquals(Receipt.NEW, port.receive("shipping", id, T0));
        port.recordOutcome("payments", id, "accepted");
    }

    @Test
    void a_receipt_in_a_failed_transaction_is_forgotten() {
        var id = UUID.randomUUID().toString();
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            port.receive("payments", id, T0);
            throw new IllegalStateException("effect failed");
        }));
        assertEquals(Receipt.NEW, port.receive("payments", id, T0));
    }

    @Test
    void concurrent_deliveries_of_one_message_have_one_new_receipt() throws Exception {
        var id = UUID.randomUUID().toString();
        var receipts = Concurrently.times(6, () -> transactions.inTransaction(
                () -> port.receive("payments", id, T0)));
        assertEquals(1, receipts.stream().filter(Receipt.NEW::equals).count());
    }

    @Test
    void retention_deletes_old_receipts_only() {
        var old = UUID.randomUUID().toString();
        var recent = UUID.randomUUID().toString();
        port.receive("payments", old, T0);
        port.receive("payments", recent, T0.plusSeconds(100));
        assertEquals(1, port.deleteReceivedBefore(T0.plusSeconds(50)));
        assertEquals(Receipt.NEW, port.receive("payments", old, T0.plusSeconds(200)));
        assertEquals(Receipt.DUPLICATE, port.receive("payments", recent, T0.plusSeconds(200)));
    }
}
