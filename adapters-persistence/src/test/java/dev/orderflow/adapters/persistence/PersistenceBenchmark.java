package dev.orderflow.adapters.persistence;

import static dev.orderflow.testkit.contract.ContractFixtures.ACTOR;
import static dev.orderflow.testkit.contract.ContractFixtures.ADDRESS;
import static dev.orderflow.testkit.contract.ContractFixtures.event;
import static dev.orderflow.testkit.contract.ContractFixtures.everyEntry;
import static dev.orderflow.testkit.contract.ContractFixtures.lines;
import static dev.orderflow.testkit.contract.ContractFixtures.newCustomer;
import static dev.orderflow.testkit.contract.ContractFixtures.newId;

import dev.orderflow.application.OrderService;
import dev.orderflow.application.TimeOrderedIds;
import dev.orderflow.application.port.in.CommandResult;
import dev.orderflow.application.port.in.NewOrder;
import dev.orderflow.application.port.out.OrderStorage;
import dev.orderflow.domain.OrderEvent;
import io.micronaut.context.ApplicationContext;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Throughput of the PostgreSQL adapters on an embedded PostgreSQL in a fresh temporary directory: orders
 * placed per second through {@link OrderService} with 1 and 8 callers, and outbox entries read and
 * marked published per second with 1 and 2 relays. Run by {@code bench/persistence.sh}; arguments
 * {@code seconds-per-measurement} (default 10) and {@code synchronous-commit} ({@code on} or {@code off},
 * default {@code on}).
 */
public final class PersistenceBenchmark {

    private static final Clock CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    private static final int OUTBOX_ENTRIES = 200_000;
    private static final int RELAY_BATCH = 500;

    private PersistenceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        boolean synchronousCommit = args.length <= 1 || args[1].equals("on");
        var dataDirectory = Files.createTempDirectory("orderflow-bench");
        System.out.printf("cores=%d seconds=%d synchronous_commit=%s pool=%d%n",
                Runtime.getRuntime().availableProcessors(), seconds, synchronousCommit ? "on" : "off", 10);
        try (var context = ApplicationContext.run(Map.of("orderflow.db.data-dir", dataDirectory.toString(),
                "orderflow.db.embedded.synchronous-commit", synchronousCommit, "orderflow.db.pool-size", 10,
                PostgresStorage.DIALECT, "POSTGRES"))) {
            var storage = context.getBean(OrderStorage.class);
            var service = new OrderService(storage, CLOCK, new TimeOrderedIds(CLOCK));
            placeOrders(service, 8, Math.max(2, seconds / 3)); // warm-up: JIT, pool, PostgreSQL caches
            System.out.printf("orders placed/s, 1 caller:  %,.0f%n", placeOrders(service, 1, seconds));
            System.out.printf("orders placed/s, 8 callers: %,.0f%n", placeOrders(service, 8, seconds));
            drainOutbox(storage, 2);
            var dataSource = context.getBean(Database.class).dataSource();
            fillOutbox(storage, dataSource);
            System.out.printf("outbox entries read+marked/s, 1 relay:  %,.0f%n", drainOutbox(storage, 1));
            fillOutbox(storage, dataSource);
            System.out.printf("outbox entries read+marked/s, 2 relays: %,.0f%n", drainOutbox(storage, 2));
        }
    }

    private static double placeOrders(OrderService service, int callers, int seconds) throws Exception {
        var placed = new LongAdder();
        var cost = new ThreadCost();
        var running = new AtomicBoolean(true);
        var order = new NewOrder(newCustomer(), lines(), ADDRESS, ACTOR);
        long started = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                pool.submit(() -> cost.measure(() -> {
                    while (running.get()) {
                        if (!(service.place(order) instanceof CommandResult.Accepted)) {
                            throw new IllegalStateException("placement not accepted");
                        }
                        placed.increment();
                    }
                }));
            }
            Thread.sleep(seconds * 1000L);
            running.set(false);
        }
        double perSecond = placed.sum() / ((System.nanoTime() - started) / 1e9);
        System.out.printf("  (%d caller(s): %s per placement in the callers)%n", callers, cost.per(placed.sum()));
        return perSecond;
    }

    private static void fillOutbox(OrderStorage storage, DataSource dataSource) throws SQLException {
        long started = System.nanoTime();
        var batch = new ArrayList<OrderEvent>();
        for (int i = 0; i < OUTBOX_ENTRIES / 2; i++) {
            var id = newId();
            batch.add(event(id, 1));
            batch.add(event(id, 2));
            if (batch.size() == 1_000) {
                storage.outbox().append(batch);
                batch.clear();
            }
        }
        storage.outbox().append(batch);
        System.out.printf("  (outbox filled with %,d entries, 1 000 per append, in %.1f s)%n", OUTBOX_ENTRIES,
                (System.nanoTime() - started) / 1e9);
        // the statistics that autovacuum would take after such a burst, so that the drain measures the claim
        // with the plan it has in steady state, whenever autovacuum happens to run
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("ANALYZE outbox");
        }
    }

    /** Relays to nowhere until the outbox is empty; returns entries per second. */
    private static double drainOutbox(OrderStorage storage, int relays) throws Exception {
        var done = new LongAdder();
        var cost = new ThreadCost();
        long started = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(relays)) {
            for (int i = 0; i < relays; i++) {
                pool.submit(() -> cost.measure(() -> {
                    while (true) {
                        int relayed = storage.outbox().relay(RELAY_BATCH, Duration.ofMinutes(1),
                                batch -> everyEntry(batch, Instant.now()));
                        done.add(relayed);
                        if (relayed == 0) {
                            if (storage.outbox().backlog().size() == 0) {
                                return;
                            }
                            Thread.sleep(1);
                        }
                    }
                }));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("  (%d relay(s): %,d entries in %.1f s; %s per entry in the relays)%n", relays,
                done.sum(), seconds, cost.per(done.sum()));
        return done.sum() / seconds;
    }

    /**
     * The CPU time and allocation of the threads that run their work through {@link #measure}: the service's and
     * the adapters' own share, not PostgreSQL's, and little disturbed by what else the machine runs.
     */
    private static final class ThreadCost {

        private static final com.sun.management.ThreadMXBean THREADS =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        private final LongAdder cpuNanos = new LongAdder();
        private final LongAdder allocated = new LongAdder();

        @FunctionalInterface
        interface Work {
            void run() throws Exception;
        }

        /** Runs the work on this thread and adds what it cost. */
        Void measure(Work work) throws Exception {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long bytes = THREADS.getCurrentThreadAllocatedBytes();
            try {
                work.run();
                return null;
            } finally {
                cpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpu);
                allocated.add(THREADS.getCurrentThreadAllocatedBytes() - bytes);
            }
        }

        /** "… µs CPU and … KB allocated", each divided by the units of work done. */
        String per(long units) {
            return "%,.1f µs CPU and %,.2f KB allocated".formatted(cpuNanos.sum() / 1e3 / units,
                    allocated.sum() / 1024.0 / units);
        }
    }
}
