package dev.orderflow.testkit.contract;

import static dev.orderflow.testkit.contract.ContractFixtures.T0;
import static dev.orderflow.testkit.contract.ContractFixtures.newCustomer;
import static dev.orderflow.testkit.contract.ContractFixtures.pending;
import static dev.orderflow.testkit.contract.ContractFixtures.placed;
import static dev.orderflow.testkit.contract.ContractFixtures.publishAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderflow.application.port.in.IdempotencyKey;
import dev.orderflow.application.port.in.StoredReply;
import dev.orderflow.application.port.out.IdempotencyKeys.Claim;
import dev.orderflow.application.port.out.KeyedPlacements;
import dev.orderflow.application.port.out.OutboxEntry;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link KeyedPlacements}: the claim of the key, the placed order with its event in the log and
 * the outbox, and the reply under the key are kept together or not at all, as {@link KeyedPlacements#of} keeps
 * them with the keys and the changes; on its own, or as part of a caller's transaction.
 */
public abstract class KeyedPlacementsContract extends StorageContract {

    private static final Duration TTL = Duration.ofHours(24);
    private static final Duration STALE = Duration.ofMinutes(1);

    @Test
    void a_new_key_places_the_order_and_keeps_the_reply() {
        var key = newKey();
        var order = pending();
        assertEquals(new Claim.Acquired(), place(key, "fp-1", Optional.of(order), reply("placed")));
        assertEquals(Optional.of(order), storage.orders().load(order.id()));
        assertEquals(List.of(placed(order)), storage.eventLog().history(order.id()));
        assertEquals(List.of(placed(order)), published());
        assertEquals(new Claim.Completed("fp-1", reply("placed")), claim(key, T0.plusSeconds(1)));
    }

    @Test
    void a_held_key_places_nothing_and_answers_what_it_holds() {
        var key = newKey();
        var first = pending();
        place(key, "fp-1", Optional.of(first), reply("first"));
        var second = pending();
        assertEquals(new Claim.Completed("fp-1", reply("first")),
                place(key, "fp-2", Optional.of(second), reply("second")));
        assertEquals(Optional.empty(), storage.orders().load(second.id()));
        assertEquals(List.of(), storage.eventLog().history(second.id()));
        assertEquals(List.of(placed(first)), published());
    }

    @Test
    void a_refused_placement_keeps_only_its_reply() {
        var key = newKey();
        assertEquals(new Claim.Acquired(), place(key, "fp-1", Optional.empty(), reply("refused")));
        assertEquals(List.of(), published());
        assertEquals(new Claim.Completed("fp-1", reply("refused")), claim(key, T0.plusSeconds(1)));
    }

    @Test
    void an_order_id_that_exists_is_refused_and_the_key_stays_free() {
        var existing = pending();
        place(newKey(), "fp-0", Optional.of(existing), reply("existing"));
        var key = newKey();
        var again = pending(existing.id(), newCustomer(), T0.plusSeconds(5));
        assertThrows(IllegalStateException.class, () -> place(key, "fp-1", Optional.of(again), reply("again")));
        assertEquals(Optional.of(existing), storage.orders().load(existing.id()));
        assertEquals(List.of(placed(existing)), storage.eventLog().history(existing.id()));
        assertEquals(new Claim.Acquired(), claim(key, T0.plusSeconds(1)));
    }

    @Test
    void in_a_transaction_that_fails_afterwards_nothing_of_the_placement_is_kept() {
        var key = newKey();
        var order = pending();
        assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(() -> {
            place(key, "fp-1", Optional.of(order), reply("placed"));
            throw new IllegalStateException("the caller fails after the placement");
        }));
        assertEquals(Optional.empty(), storage.orders().load(order.id()));
        assertEquals(List.of(), published());
        assertEquals(new Claim.Acquired(), claim(key, T0.plusSeconds(1)));
    }

    @Test
    void concurrent_placements_under_one_key_place_one_order() throws Exception {
        var key = newKey();
        var results = Concurrently.times(8, () -> place(key, "fp", Optional.of(pending()), reply("placed")));
        assertEquals(1, results.stream().filter(Claim.Acquired.class::isInstance).count());
        // a loser finds the key busy in the winner's transaction, or sees what the winner committed
        assertEquals(7, results.stream().filter(r -> r instanceof Claim.Busy || r instanceof Claim.Completed).count());
        assertEquals(1, published().size());
    }

    @Test
    void concurrent_placements_under_their_own_keys_each_place_their_order() throws Exception {
        var orders = Stream.generate(ContractFixtures::pending).limit(24).toList();
        var results = Concurrently.run(orders.stream().<Callable<Claim>>map(order -> () ->
                place(newKey(), "fp-" + order.id(), Optional.of(order), reply("placed " + order.id()))).toList());
        assertEquals(Collections.nCopies(24, new Claim.Acquired()), results);
        for (var order : orders) {
            assertEquals(Optional.of(order), storage.orders().load(order.id()));
            assertEquals(List.of(placed(order)), storage.eventLog().history(order.id()));
        }
        assertEquals(24, published().size());
    }

    @Test
    void a_taken_order_id_among_concurrent_placements_fails_only_its_own() throws Exception {
        var existing = pending();
        place(newKey(), "fp-0", Optional.of(existing), reply("existing"));
        var takenKey = newKey();
        var others = Stream.generate(ContractFixtures::pending).limit(15).toList();
        var tasks = new ArrayList<Callable<Object>>();
        tasks.add(() -> assertThrows(IllegalStateException.class, () -> place(takenKey, "fp-1",
                Optional.of(pending(existing.id(), newCustomer(), T0.plusSeconds(5))), reply("again"))));
        others.forEach(order -> tasks.add(() -> place(newKey(), "fp-2", Optional.of(order), reply("other"))));
        var results = Concurrently.run(tasks);
        assertEquals(Collections.nCopies(15, new Claim.Acquired()), results.subList(1, results.size()));
        for (var order : others) {
            assertEquals(Optional.of(order), storage.orders().load(order.id()));
        }
        assertEquals(List.of(placed(existing)), storage.eventLog().history(existing.id()));
        assertEquals(new Claim.Acquired(), claim(takenKey, T0.plusSeconds(1)));
        assertEquals(16, published().size());
    }

    private Claim place(IdempotencyKey key, String fingerprint, Optional<Order> order, StoredReply reply) {
        List<OrderEvent> events = order.map(o -> List.<OrderEvent>of(placed((Order.Pending) o))).orElse(List.of());
        return storage.placements().claimAndPlace(key, fingerprint, T0, T0.minus(STALE), T0.plus(TTL), order, events,
                reply);
    }

    private Claim claim(IdempotencyKey key, Instant now) {
        return storage.transactions().inTransaction(() -> storage.idempotencyKeys().claim(key, "fp-later", now,
                now.minus(STALE), now.plus(TTL)));
    }

    private static IdempotencyKey newKey() {
        return new IdempotencyKey("key-" + UUID.randomUUID());
    }

    private static StoredReply reply(String text) {
        return new StoredReply(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<OrderEvent> published() {
        return publishAll(storage.outbox(), T0).stream().map(OutboxEntry::event).toList();
    }
}
