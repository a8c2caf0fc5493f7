package dev.orderflow.adapters.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets (bucket4j) per customer principal and per client address of requests without a valid token:
 * {@code orderflow.rate-limit.customer-per-second} (default 20) refills a bucket of
 * {@code orderflow.rate-limit.customer-burst} (default 40). Buckets live in a bounded Caffeine cache and expire
 * when idle. Limits are per instance; a cluster-wide limit belongs in the gateway in front.
 */
@Context // made at start: a setting it cannot read stops the start instead of failing each order
final class RateLimits {

    private static final int MAX_KEYS = 100_000;
    private static final Duration IDLE = Duration.ofMinutes(10);

    private final long perSecond;
    private final long burst;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(MAX_KEYS)
            .expireAfterAccess(IDLE).build();

    RateLimits(@Value("${orderflow.rate-limit.customer-per-second:20}") long perSecond,
               @Value("${orderflow.rate-limit.customer-burst:40}") long burst) {
        if (perSecond < 1 || burst < 1) {
            throw new ConfigurationException("ORDERFLOW_RATE_LIMIT_CUSTOMER_PER_SECOND and "
                    + "ORDERFLOW_RATE_LIMIT_CUSTOMER_BURST must be at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** The outcome of taking one token. */
    sealed interface Outcome {
        /** Allowed; {@code remaining} tokens are left. */
        record Allowed(long remaining) implements Outcome {
        }

        /** Refused; a token is back after {@code retryAfter}. */
        record Limited(Duration retryAfter) implements Outcome {
        }
    }

    /** Takes a token from the bucket of {@code key}, such as {@code customer:c-42} or {@code address:10.0.0.7}. */
    Outcome take(String key) {
        var bucket = buckets.get(key, ignored -> Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1))).build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? new Outcome.Allowed(probe.getRemainingTokens())
                : new Outcome.Limited(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** The bucket key of a request without a valid token: its client address. */
    static String address(HttpRequest<?> request) {
        return "address:" + Optional.ofNullable(request.getRemoteAddress().getAddress())
                .map(java.net.InetAddress::getHostAddress).orElse(request.getRemoteAddress().getHostString());
    }

    /** The IETF httpapi draft's {@code RateLimit-Policy}: the burst, refilled over this many seconds. */
    String policy() {
        return "\"customer\";q=" + burst + ";w=" + Math.max(1, burst / perSecond);
    }

    /** Sets {@code RateLimit-Policy} and {@code RateLimit} for an allowed request. */
    void describe(MutableHttpResponse<?> response, Outcome.Allowed allowed) {
        response.header("RateLimit-Policy", policy());
        response.header("RateLimit", "\"customer\";r=" + allowed.remaining() + ";t=" + Math.max(1,
                (burst - allowed.remaining() + perSecond - 1) / perSecond));
    }

    /** The 429 {@code rate-limited} problem, with {@code Retry-After} and the RateLimit headers. */
    MutableHttpResponse<Problem> limited(HttpRequest<?> request, Outcome.Limited limited) {
        long seconds = Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000);
        return Problems.retryLater(request, ProblemKind.RATE_LIMITED, "too many requests from this client",
                        Math.toIntExact(seconds))
                .header("RateLimit-Policy", policy())
                .header("RateLimit", "\"customer\";r=0;t=" + seconds);
    }
}
