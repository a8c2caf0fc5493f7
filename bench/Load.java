import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * POST /api/v1/orders load for bench/reliability.sh, run with `java bench/Load.java`.
 *
 *   java bench/Load.java BASE_URL open RATE SECONDS [ids-file]   requests at a fixed arrival rate (open loop:
 *        a slow answer does not slow the arrivals, so latencies are honest under overload)
 *   java bench/Load.java BASE_URL closed CONNECTIONS SECONDS      as fast as CONNECTIONS clients go (capacity)
 *
 * Prints one line: sent, answered by status, req/s of 201s, p50/p99/max latency of the 201s (in the open loop
 * from the moment each request was due, so that a late send counts), 503s, and requests without an answer
 * within 30 s or without any (connection refused or reset), and writes the acknowledged order ids to the ids
 * file. Requests carry the bearer token in ORDERFLOW_TOKEN, if set.
 */
public class Load {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        var base = URI.create(args[0]);
        var mode = args[1];
        int amount = Integer.parseInt(args[2]);
        var duration = Duration.ofSeconds(Long.parseLong(args[3]));
        var ids = args.length > 4 ? Path.of(args[4]) : null;
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        var latencies = new ConcurrentLinkedQueue<Long>();
        var acknowledged = new ConcurrentLinkedQueue<String>();
        Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
        var sent = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        var token = System.getenv("ORDERFLOW_TOKEN");
        java.util.function.LongConsumer one = t0 -> {
            sent.incrementAndGet();
            String status;
            try {
                var response = http.send(request(base, token), HttpResponse.BodyHandlers.ofString());
                status = Integer.toString(response.statusCode());
                if (response.statusCode() == 201) {
                    latencies.add(System.nanoTime() - t0);
                    var m = ID.matcher(response.body());
                    if (m.find()) {
                        acknowledged.add(m.group(1));
                    }
                }
            } catch (Exception e) {
                status = e.getClass().getSimpleName();
            }
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        };
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            if (mode.equals("open")) {
                long interval = 1_000_000_000L / amount;
                for (long next = start; next < end; next += interval) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    long due = next;
                    workers.submit(() -> one.accept(due));
                }
            } else {
                for (int c = 0; c < amount; c++) {
                    workers.submit(() -> {
                        while (System.nanoTime() < end) {
                            one.accept(System.nanoTime());
                        }
                    });
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long refused = statuses.getOrDefault("503", new AtomicLong()).get();
        long unanswered = statuses.entrySet().stream().filter(e -> !e.getKey().matches("[0-9]+"))
                .mapToLong(e -> e.getValue().get()).sum();
        System.out.printf("sent %d, statuses %s, %.0f acknowledged/s, latency of 201s p50 %s p99 %s max %s, "
                        + "refused (503) %d, unanswered %d%n",
                sent.get(), new java.util.TreeMap<>(statuses), sorted.size() / seconds, ms(sorted, 0.50),
                ms(sorted, 0.99), ms(sorted, 1.0), refused, unanswered);
        if (ids != null) {
            Files.write(ids, acknowledged);
        }
        http.close();
    }

    private static String ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return String.format("%.1f ms", sorted.get(Math.max(0, index)) / 1e6);
    }

    private static HttpRequest request(URI base, String token) {
        var builder = HttpRequest.newBuilder(base.resolve("/api/v1/orders")).timeout(Duration.ofSeconds(30));
        if (token != null && !token.isEmpty()) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"customerId": "c-load",
                         "lines": [{"sku": "BOOK-1", "quantity": 1, "unitPrice": {"amount": "9.99", "currency": "EUR"}}],
                         "shippingAddress": {"recipient": "Ada Lovelace", "line1": "1 Main St", "postalCode": "10115",
                                             "city": "Berlin", "country": "DE"}}
                        """)).build();
    }
}
