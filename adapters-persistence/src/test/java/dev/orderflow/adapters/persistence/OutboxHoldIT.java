package dev.orderflow.adapters.persistence;

import static dev.orderflow.testkit.contract.ContractFixtures.T0;
import static dev.orderflow.testkit.contract.ContractFixtures.deliveredLife;
import static dev.orderflow.testkit.contract.ContractFixtures.everyEntry;
import static dev.orderflow.testkit.contract.ContractFixtures.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.application.port.out.Outbox;
import dev.orderflow.application.port.out.OutboxEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A relay holds the outbox for one transaction: while it publishes, another relay is handed nothing; past
 * {@code hold} PostgreSQL ends the stuck relay's session, the other one is handed the batch, and the stuck
 * relay's late answer marks nothing.
 */
class OutboxHoldIT {

    private static final Duration HOLD = Duration.ofSeconds(1);

    @RegisterExtension
    static final TestStorage running = new TestStorage();

    @Test
    void a_relay_stuck_past_its_hold_loses_the_batch_to_another() throws Exception {
        var outbox = running.emptied().outbox();
        var events = deliveredLife(newId());
        outbox.append(events);
        var holding = new CountDownLatch(1);
        try (var thread = Executors.newSingleThreadExecutor()) {
            var stuck = thread.submit(() -> outbox.relay(10, HOLD, batch -> {
                holding.countDown();
                sleep(HOLD.multipliedBy(3));
                return everyEntry(batch, T0);
            }));
            assertTrue(holding.await(1, TimeUnit.MINUTES));
            assertEquals(0, outbox.relay(10, HOLD, batch -> {
                throw new AssertionError("handed " + batch + " while another relay holds the outbox");
            }));

            sleep(HOLD.multipliedBy(2));
            var taken = new ArrayList<OutboxEntry>();
            assertEquals(events.size(), outbox.relay(10, HOLD, batch -> {
                taken.addAll(batch);
                return new Outbox.Published(List.of(), T0);
            }), "the stuck relay's session ended after its hold");
            assertEquals(events, taken.stream().map(OutboxEntry::event).toList());

            var failure = assertThrows(ExecutionException.class,
                    () -> stuck.get(1, TimeUnit.MINUTES));
            assertTrue(failure.getCause() instanceof RuntimeException, failure::toString);
        }
        assertEquals(events.size(), outbox.backlog().size(), "nothing was marked published");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
