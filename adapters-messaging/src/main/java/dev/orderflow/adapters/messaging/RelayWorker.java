package dev.orderflow.adapters.messaging;

import static dev.orderflow.adapters.messaging.MessagingSettings.KAFKA_SERVERS;

import dev.orderflow.application.OutboxRelay;
import dev.orderflow.application.port.out.Transactions.StorageUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link OutboxRelay} on threads of its own from startup to shutdown: relays batches back to back
 * while there is a backlog, polls while the outbox is empty, backs off exponentially while the broker is
 * unreachable, and flushes what is left when the service stops. The outbox hands an order's entries to one
 * relay at a time (on PostgreSQL, the whole outbox), so any number of threads and instances may relay.
 */
@Singleton
@Requires(property = KAFKA_SERVERS)
final class RelayWorker implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(RelayWorker.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

    /** What the relay is doing, for the health endpoint. */
    enum State { STARTING, RUNNING, BACKING_OFF, STOPPED }

    /** The relay's state and its last failure, if it failed since it last published. */
    record Status(State state, Optional<String> lastFailure, Optional<Instant> lastFailureAt) {
    }

    private final OutboxRelay relay;
    private final InstantSource clock;
    private final MessagingSettings settings;
    private final String servers;
    private final Counter published;
    private final Counter sendFailures;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicReference<Status> status =
            new AtomicReference<>(new Status(State.STARTING, Optional.empty(), Optional.empty()));
    private final List<Thread> threads = new ArrayList<>();

    RelayWorker(OutboxRelay relay, MessagingSettings settings, MeterRegistry meters, InstantSource clock,
                @Value("${" + KAFKA_SERVERS + "}") String servers) {
        this.relay = relay;
        this.clock = clock;
        this.settings = settings;
        this.servers = servers;
        this.published = Counter.builder("orderflow.outbox.published")
                .description("Outbox entries published to Kafka and acknowledged").register(meters);
        this.sendFailures = Counter.builder("orderflow.outbox.send.failures")
                .description("Outbox entries the broker did not acknowledge (they are sent again)").register(meters);
    }

    Status status() {
        return status.get();
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        if (!threads.isEmpty()) {
            return;
        }
        LOG.info("Publishing order events to topic {} at {} ({} relay threads)", settings.ordersTopic(), servers,
                settings.relayThreads());
        for (int i = 1; i <= settings.relayThreads(); i++) {
            threads.add(Thread.ofPlatform().name("outbox-relay-" + i).daemon().start(this::run));
        }
    }

    private void run() {
        var backoff = FIRST_BACKOFF;
        while (stop.getCount() > 0) {
            Duration wait;
            try {
                wait = switch (relay.relayBatch()) {
                    case OutboxRelay.Outcome.Idle idle -> {
                        running();
                        yield settings.relayPollInterval();
                    }
                    case OutboxRelay.Outcome.Published batch -> {
                        published.increment(batch.count());
                        running();
                        yield Duration.ZERO;
                    }
                    case OutboxRelay.Outcome.Failed failed -> {
                        published.increment(failed.published());
                        sendFailures.increment(failed.released());
                        yield backingOff(failed.failure(), backoff);
                    }
                };
            } catch (StorageUnavailableException e) {
                // the database is down or too slow: back off quietly (one warning), the entries wait in the outbox
                wait = backingOff(e.getMessage(), backoff);
            } catch (RuntimeException e) {
                // the outbox's storage failed otherwise: the batch was not marked published, nothing is lost
                LOG.error("Outbox relay round failed", e);
                wait = backingOff(e.toString(), backoff);
            }
            backoff = status().state() == State.BACKING_OFF
                    ? min(backoff.multipliedBy(2), settings.relayMaxBackoff()) : FIRST_BACKOFF;
            if (!wait.isZero() && sleep(wait)) {
                return;
            }
        }
    }

    private void running() {
        if (status().state() != State.RUNNING) {
            LOG.info("Outbox relay is publishing");
        }
        status.set(new Status(State.RUNNING, Optional.empty(), Optional.empty()));
    }

    private Duration backingOff(String failure, Duration backoff) {
        if (status().state() != State.BACKING_OFF) {
            LOG.warn("Outbox relay cannot publish, retrying with backoff (events wait in the outbox): {}", failure);
        }
        status.set(new Status(State.BACKING_OFF, Optional.of(failure), Optional.of(clock.instant())));
        return backoff;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Waits, returning early with {@code true} when the worker is stopping. */
    private boolean sleep(Duration wait) {
        try {
            return stop.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Stops the loop and, unless the broker is unreachable, publishes what the outbox still holds. */
    @PreDestroy
    synchronized void stop() throws InterruptedException {
        stop.countDown();
        if (threads.isEmpty()) {
            return;
        }
        for (var thread : threads) {
            thread.join(settings.relayLease().toMillis());
        }
        if (status().state() == State.RUNNING) {
            int flushed = relay.drain();
            LOG.info("Outbox relay stopped after flushing {} events", flushed);
        }
        status.set(new Status(State.STOPPED, status().lastFailure(), status().lastFailureAt()));
    }
}
