package dev.orderflow.adapters.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jwt.JWT;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Remembers the tokens that passed the check for a short while, so that a client sending the same token again
 * does not pay for its signature and claims to be checked again (8.5 % of the JVM's CPU for a GET, see
 * docs/benchmarks.md): at most {@code orderflow.auth.checked-token-ttl} (env
 * {@code ORDERFLOW_AUTH_CHECKED_TOKEN_TTL}, default 60 s; 0 checks every request), never past the token's
 * {@code exp} and its clock skew, for at most {@value #MAX_TOKENS} tokens.
 * <p>
 * The answer for a token depends on nothing else than the token, the keys and the time: no claim check reads the
 * request. A token is remembered only once it was accepted; one refused is checked again each time. A key the
 * identity provider withdraws still verifies the tokens checked with it within the last TTL, as it verifies any
 * of its tokens until the JWKS cache ({@code ORDERFLOW_AUTH_JWKS_CACHE_TTL}) is refreshed. Tokens are kept under
 * their SHA-256, so the cache holds no bearer token and looking one up compares digests, not the token's bytes.
 */
@Context // made at start: a setting it cannot read stops the start instead of failing the first request
final class CheckedTokens implements BeanCreatedEventListener<ReactiveJsonWebTokenValidator<?, ?>> {

    static final int MAX_TOKENS = 1_000;

    private final Duration ttl;
    private final InstantSource clock;

    /** @param clock the service's clock */
    CheckedTokens(AuthSettings settings, InstantSource clock) {
        this.ttl = settings.checkedTokenTtl();
        this.clock = clock;
    }

    @Override
    public ReactiveJsonWebTokenValidator<?, ?> onCreated(BeanCreatedEvent<ReactiveJsonWebTokenValidator<?, ?>> event) {
        return wrap(event.getBean());
    }

    /** The checker, remembering what it accepted unless the TTL is zero. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    ReactiveJsonWebTokenValidator<?, ?> wrap(ReactiveJsonWebTokenValidator<?, ?> checker) {
        return ttl.isZero() ? checker : new Remembering(checker, ttl, clock);
    }

    /** Checks a token with the validator it wraps unless it holds it from an earlier check. */
    static final class Remembering<R> implements ReactiveJsonWebTokenValidator<JWT, R> {

        private final ReactiveJsonWebTokenValidator<JWT, R> checker;
        private final Duration ttl;
        private final InstantSource clock;
        private final Cache<String, Checked> checked;

        Remembering(ReactiveJsonWebTokenValidator<JWT, R> checker, Duration ttl, InstantSource clock) {
            this.checker = checker;
            this.ttl = ttl;
            this.clock = clock;
            this.checked = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfter(Expiry.<String, Checked>creating(
                    (token, entry) -> Duration.between(clock.instant(), entry.until()))).build();
        }

        @Override
        public Publisher<Authentication> validateToken(String token, R request) {
            var key = digest(token);
            var known = checked.getIfPresent(key);
            if (known != null && known.until().isAfter(clock.instant())) {
                return Mono.just(known.authentication());
            }
            return Mono.from(checker.validateToken(token, request)).doOnNext(authentication -> {
                var now = clock.instant();
                var latest = now.plus(ttl);
                lastValidMoment(authentication).map(valid -> valid.isBefore(latest) ? valid : latest)
                        .filter(until -> until.isAfter(now))
                        .ifPresent(until -> checked.put(key, new Checked(authentication, until)));
            });
        }

        @Override
        public Publisher<JWT> validate(String token, R request) {
            return checker.validate(token, request);
        }

        @Override
        public int getOrder() {
            return checker.getOrder();
        }

        /** How many tokens are held now (after pending evictions). */
        long size() {
            checked.cleanUp();
            return checked.estimatedSize();
        }

        /** The last moment the token passes the expiry check; none if its {@code exp} cannot be read. */
        private static Optional<Instant> lastValidMoment(Authentication authentication) {
            var exp = switch (authentication.getAttributes().get("exp")) {
                case Date date -> Optional.of(date.toInstant());
                case Instant instant -> Optional.of(instant);
                case Long seconds -> Optional.of(Instant.ofEpochSecond(seconds));
                case Integer seconds -> Optional.of(Instant.ofEpochSecond(seconds));
                case null, default -> Optional.<Instant>empty();
            };
            return exp.map(at -> at.plusSeconds(TokenClaims.MAX_CLOCK_SKEW_SECONDS));
        }

        private static String digest(String token) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(token.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }

    /** An accepted token's authentication, and until when it is used without a check. */
    private record Checked(Authentication authentication, Instant until) {
    }
}
