import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: sends requests at a constant arrival rate, whether or not earlier ones have
 * been answered, and measures each latency from the moment the request was due (not from when it could be
 * sent), so queueing in the service shows in the percentiles instead of slowing the generator down, as a
 * closed loop such as wrk's would. Run with the JDK alone (its HTTP client is bench/Http1.java, beside it):
 *
 * <pre>
 * java bench/OpenLoop.java --base http://127.0.0.1:8080 --rate 1000 --seconds 20 [--warmup 5] --kind place
 *     [--token JWT]
 * </pre>
 *
 * Kinds: {@code place} (POST /api/v1/orders with a unique Idempotency-Key), {@code get} (GET of one order,
 * placed first). The first {@code --warmup} seconds run at the same rate and are not counted. Prints one line
 * of figures: statuses of every counted request, and the latency percentiles of the 2xx ones, in ms.
 */
public class OpenLoop {

    private static final String ORDER = """
            {"customerId":"c-bench-%d","lines":[{"sku":"BOOK-1","quantity":2,"unitPrice":{"amount":"12.50",\
            "currency":"EUR"}},{"sku":"PEN-7","quantity":1,"unitPrice":{"amount":"3.20","currency":"EUR"}}],\
            "shippingAddress":{"recipient":"Ada Lovelace","line1":"1 Main St","postalCode":"10115",\
            "city":"Berlin","country":"DE"}}""";

    public static void main(String[] args) throws Exception {
        var options = options(args);
        var base = URI.create(options.getOrDefault("base", "http://127.0.0.1:8080"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "500"));
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "10"));
        double warmup = Double.parseDouble(options.getOrDefault("warmup", "5"));
        var kind = options.getOrDefault("kind", "place");
        var token = options.get("token");

        var client = new Http1(base, 5_000, 60_000);
        var run = Long.toString(System.nanoTime(), 36);
        var getTarget = kind.equals("get") ? place(client, token, run + "-seed") : null;

        var latencies = new ConcurrentLinkedQueue<Long>();
        var statuses = new TreeMap<String, AtomicLong>();
        var inFlight = new AtomicLong();
        long interval = (long) (1_000_000_000L / rate);
        long warmupRequests = (long) (rate * warmup);
        long total = warmupRequests + (long) (rate * seconds);
        long first = System.nanoTime() + 50_000_000L;
        long start = first + warmupRequests * interval;
        var senders = Executors.newVirtualThreadPerTaskExecutor();
        long maxInFlight = 0;
        for (long i = 0; i < total; i++) {
            long due = first + i * interval;
            boolean measured = i >= warmupRequests;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long n = i;
            maxInFlight = Math.max(maxInFlight, inFlight.incrementAndGet());
            senders.execute(() -> {
                String status;
                try {
                    var response = kind.equals("get")
                            ? client.send("GET", getTarget, authorized(new LinkedHashMap<>(), token), null)
                            : client.send("POST", "/api/v1/orders", placeHeaders(token, run + "-" + n),
                                    ORDER.formatted(n % 97));
                    status = Integer.toString(response.status());
                    if (measured && response.status() / 100 == 2) {
                        latencies.add(System.nanoTime() - due);
                    }
                } catch (Exception e) {
                    status = e.getClass().getSimpleName();
                }
                inFlight.decrementAndGet();
                if (measured) {
                    synchronized (statuses) {
                        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    }
                }
            });
        }
        long sendEnd = System.nanoTime();
        total -= warmupRequests;
        senders.close(); // waits for every answer
        client.close();
        long end = System.nanoTime();
        var sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("kind=%s target_rate=%.0f/s sent=%d offered_rate=%.0f/s ok=%d ok_rate=%.0f/s "
                        + "p50=%.1f p90=%.1f p99=%.1f p999=%.1f max=%.1f max_in_flight=%d statuses=%s%n",
                kind, rate, total, total / ((sendEnd - start) / 1e9), sorted.length,
                sorted.length / ((end - start) / 1e9), ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99),
                ms(sorted, 0.999), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, maxInFlight, statuses);
    }

    private static Map<String, String> placeHeaders(String token, String key) {
        var headers = authorized(new LinkedHashMap<>(), token);
        headers.put("Content-Type", "application/json");
        headers.put("Idempotency-Key", "bench-" + key);
        return headers;
    }

    /** Places one order and returns its path (the Location of the 201). */
    private static String place(Http1 client, String token, String key) throws Exception {
        var response = client.send("POST", "/api/v1/orders", placeHeaders(token, key), ORDER.formatted(0));
        if (response.status() != 201) {
            throw new IllegalStateException("placing the order to GET failed: " + response.status() + " "
                    + response.body());
        }
        return URI.create(response.header("location")).getPath();
    }

    private static Map<String, String> authorized(Map<String, String> headers, String token) {
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return headers;
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static Map<String, String> options(String[] args) {
        var options = new TreeMap<String, String>();
        List<String> list = Arrays.asList(args);
        for (int i = 0; i + 1 < list.size(); i += 2) {
            if (!list.get(i).startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + list.get(i));
            }
            options.put(list.get(i).substring(2), list.get(i + 1));
        }
        return options;
    }
}
