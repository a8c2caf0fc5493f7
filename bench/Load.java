import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * POST /api/v1/orders load for bench/chaos.sh, run with `java bench/Load.java` (or compiled with bench/Http1.java,
 * its HTTP client). The bearer token is read from ORDERFLOW_TOKEN (bench/common.sh mints one, as the README's
 * `orderflow.jar token` does).
 *
 *   Load BASE_URL[,BASE_URL...] open RATE SECONDS [ids-file]   requests at a fixed arrival rate (open loop: a slow
 *        answer does not slow the arrivals, so latencies are honest under overload); several URLs take turns
 *   Load BASE_URL closed CONNECTIONS SECONDS [ids-file]       as fast as CONNECTIONS clients go (capacity)
 *
 * Prints one line of key=value figures: sent, acknowledged (201) and their rate, documented 503s (with
 * Retry-After and the `unavailable` problem type), other 5xx (any other 5xx, or a 503 without them), unanswered
 * (refused, reset or timed out after 30 s), every status, p50/p99/max latency of the 201s and the slowest
 * documented 503, measured from when each request was due; p50/p99 of the 201s due after the first 2 s
 * (steady_p50, steady_p99: by then the generator holds its connections), the connections it opened and how
 * many of them the server closed (`Connection: close`). Writes each acknowledged order id to the ids file as it
 * comes, one a line (a script can watch the orders flow). Sends nothing more once the file that LOAD_STOP_FILE
 * names exists.
 */
public class Load {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    /**
     * The first seconds of a run, when the generator has no idle connection yet and opens one per request in flight
     * (hundreds at 4x overload); the steady_ figures leave the requests due in them out.
     */
    private static final long RAMP_NANOS = 2_000_000_000L;
    private static final String UNAVAILABLE = "https://orderflow.dev/problems/unavailable";

    public static void main(String[] args) throws Exception {
        var bases = java.util.Arrays.stream(args[0].split(",")).map(URI::create).toList();
        var mode = args[1];
        int amount = Integer.parseInt(args[2]);
        var duration = Duration.ofSeconds(Long.parseLong(args[3]));
        var ids = args.length > 4 ? Files.newBufferedWriter(Path.of(args[4])) : null;
        var stopFile = System.getenv("LOAD_STOP_FILE");
        java.util.function.BooleanSupplier stopped = () -> stopFile != null && Files.exists(Path.of(stopFile));
        var token = System.getenv("ORDERFLOW_TOKEN");
        var clients = bases.stream().collect(java.util.stream.Collectors.toMap(base -> base,
                base -> new Http1(base, 2_000, 30_000)));
        var latencies = new ConcurrentLinkedQueue<Long>();
        var steadyLatencies = new ConcurrentLinkedQueue<Long>();
        Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
        var sent = new AtomicLong();
        var documented503 = new AtomicLong();
        var other5xx = new AtomicLong();
        var unanswered = new AtomicLong();
        var slowest503 = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        var sendOne = (java.util.function.BiConsumer<URI, Long>) (base, due) -> {
            sent.incrementAndGet();
            String status;
            try {
                var response = clients.get(base).send("POST", "/api/v1/orders", headers(token), BODY);
                int code = response.status();
                status = Integer.toString(code);
                if (code == 201) {
                    long latency = System.nanoTime() - due;
                    latencies.add(latency);
                    if (due - start >= RAMP_NANOS) {
                        steadyLatencies.add(latency);
                    }
                    var m = ID.matcher(response.body());
                    if (m.find() && ids != null) {
                        synchronized (ids) {
                            ids.write(m.group(1));
                            ids.newLine();
                            ids.flush();
                        }
                    }
                } else if (code == 503 && response.header("retry-after") != null
                        && response.body().contains(UNAVAILABLE)) {
                    documented503.incrementAndGet();
                    slowest503.accumulateAndGet(System.nanoTime() - due, Math::max);
                } else if (code >= 500) {
                    other5xx.incrementAndGet();
                    if (code == 503) {
                        status = "503-undocumented";
                    }
                }
            } catch (Exception e) {
                status = e.getClass().getSimpleName();
                unanswered.incrementAndGet();
            }
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        };
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            if (mode.equals("open")) {
                long interval = 1_000_000_000L / amount;
                long n = 0;
                for (long next = start; next < end && !stopped.getAsBoolean(); next += interval, n++) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    var base = bases.get((int) (n % bases.size()));
                    long due = next;
                    workers.submit(() -> sendOne.accept(base, due));
                }
            } else {
                for (int c = 0; c < amount; c++) {
                    var base = bases.get(c % bases.size());
                    workers.submit(() -> {
                        while (System.nanoTime() < end && !stopped.getAsBoolean()) {
                            sendOne.accept(base, System.nanoTime());
                        }
                    });
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        List<Long> steady = new ArrayList<>(steadyLatencies);
        Collections.sort(steady);
        System.out.printf("sent=%d acked=%d acked_per_s=%.0f 503=%d other_5xx=%d unanswered=%d p50=%s p99=%s max=%s "
                        + "steady_p50=%s steady_p99=%s max_503=%.0fms statuses=%s connections=%d server_closed=%d%n",
                sent.get(), sorted.size(), sorted.size() / seconds,
                documented503.get(), other5xx.get(), unanswered.get(), ms(sorted, 0.50), ms(sorted, 0.99),
                ms(sorted, 1.0), ms(steady, 0.50), ms(steady, 0.99), slowest503.get() / 1e6,
                new TreeMap<>(statuses).toString().replace(" ", ""),
                clients.values().stream().mapToLong(Http1::connectionsOpened).sum(),
                clients.values().stream().mapToLong(Http1::connectionsClosedByServer).sum());
        if (ids != null) {
            ids.close();
        }
        clients.values().forEach(Http1::close);
    }

    private static String ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return String.format("%.0fms", sorted.get(Math.max(0, index)) / 1e6);
    }

    private static final String BODY = """
            {"customerId": "c-load",
             "lines": [{"sku": "BOOK-1", "quantity": 1, "unitPrice": {"amount": "9.99", "currency": "EUR"}}],
             "shippingAddress": {"recipient": "Ada Lovelace", "line1": "1 Main St", "postalCode": "10115",
                                 "city": "Berlin", "country": "DE"}}
            """;

    private static Map<String, String> headers(String token) {
        var headers = new java.util.LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        if (token != null && !token.isBlank()) {
            headers.put("Authorization", "Bearer " + token);
        }
        return headers;
    }
}
