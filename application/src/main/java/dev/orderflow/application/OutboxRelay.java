package dev.orderflow.application;

import dev.orderflow.application.port.out.EventPublisher;
import dev.orderflow.application.port.out.EventPublisher.Publication;
import dev.orderflow.application.port.out.EventPublisher.PublisherUnavailableException;
import dev.orderflow.application.port.out.Outbox;
import dev.orderflow.application.port.out.OutboxEntry;
import dev.orderflow.domain.OrderId;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Moves events from the outbox to an {@link EventPublisher}: takes a batch, publishes it in sequence order and
 * marks published what the publisher acknowledged; the rest is handed out again for a later try. Any number of
 * relays may run over one outbox; it keeps them from holding an order's entries at the same time.
 */
public final class OutboxRelay {

    private final Outbox outbox;
    private final EventPublisher publisher;
    private final InstantSource clock;
    private final Settings settings;

    /**
     * How many entries a relay takes at once, and how long it may hold them: after {@code lease} without an
     * answer from a relay, a database outbox hands its batch to another.
     */
    public record Settings(int batchSize, Duration lease) {

        /** Batches of 2 000 entries held for at most 60 seconds. */
        public static final Settings DEFAULTS = new Settings(2_000, Duration.ofSeconds(60));

        /** Refuses a batch size below 1 and a lease that is not positive. */
        public Settings {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1");
            }
            if (lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("lease must be positive");
            }
        }
    }

    /** What one round of the relay did. */
    public sealed interface Outcome {

        /** Nothing was waiting to be published (or every waiting entry is held by another relay). */
        record Idle() implements Outcome {
        }

        /** A batch of {@code count} entries was published completely. */
        record Published(int count) implements Outcome {
        }

        /**
         * Publishing failed: {@code published} entries of the batch were published, {@code released} stay in
         * the outbox for a later round.
         */
        record Failed(int published, int released, String failure) implements Outcome {
            /** Refuses a missing reason. */
            public Failed {
                Objects.requireNonNull(failure, "failure");
            }
        }
    }

    /** A relay with {@link Settings#DEFAULTS}. */
    public OutboxRelay(Outbox outbox, EventPublisher publisher, InstantSource clock) {
        this(outbox, publisher, clock, Settings.DEFAULTS);
    }

    /** A relay from the outbox to the publisher. */
    public OutboxRelay(Outbox outbox, EventPublisher publisher, InstantSource clock, Settings settings) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The settings this relay runs with. */
    public Settings settings() {
        return settings;
    }

    /** Takes, publishes and settles one batch. */
    public Outcome relayBatch() {
        var outcome = new AtomicReference<Outcome>(new Outcome.Idle());
        outbox.relay(settings.batchSize(), settings.lease(), batch -> {
            Publication publication;
            try {
                publication = publisher.publish(batch);
            } catch (PublisherUnavailableException e) {
                outcome.set(new Outcome.Failed(0, batch.size(), e.getMessage()));
                return new Outbox.Published(List.of(), clock.instant());
            }
            var published = publishedPrefixes(batch, publication);
            outcome.set(switch (publication) {
                case Publication.Complete complete -> new Outcome.Published(batch.size());
                case Publication.Partial partial ->
                        new Outcome.Failed(published.size(), batch.size() - published.size(), partial.failure());
            });
            return new Outbox.Published(published, clock.instant());
        });
        return outcome.get();
    }

    /**
     * Relays batches until nothing is left or a batch fails, for tests and for flushing on
     * shutdown. Returns how many entries were published.
     */
    public int drain() {
        int total = 0;
        while (true) {
            switch (relayBatch()) {
                case Outcome.Idle idle -> {
                    return total;
                }
                case Outcome.Published published -> total += published.count();
                case Outcome.Failed failed -> {
                    return total + failed.published();
                }
            }
        }
    }

    /**
     * The acknowledged entries that may count as published: of each order only those before its first
     * unacknowledged entry, so that an order's events are never marked published out of order.
     */
    private static List<Long> publishedPrefixes(List<OutboxEntry> batch, Publication publication) {
        var acknowledged = new HashSet<>(publication.acknowledged());
        var gapped = new HashSet<OrderId>();
        var published = new ArrayList<Long>();
        for (var entry : batch) {
            var order = entry.orderId();
            if (!gapped.contains(order) && acknowledged.contains(entry.sequence())) {
                published.add(entry.sequence());
            } else {
                gapped.add(order);
            }
        }
        return published;
    }
}
