package dev.orderflow.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.nimbusds.jwt.JWT;
import dev.orderflow.testkit.ManualClock;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

class CheckedTokensTest {

    private static final Duration TTL = Duration.ofSeconds(60);
    private static final Duration SKEW = Duration.ofSeconds(TokenClaims.MAX_CLOCK_SKEW_SECONDS);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T12:00:00Z"));
    /** What the wrapped checker says of each token: its authentication, or absent when it refuses it. */
    private final Map<String, Authentication> accepted = new HashMap<>();
    private final Map<String, Integer> checks = new HashMap<>();
    private final Checker checker = new Checker();
    private final CheckedTokens.Remembering<Object> tokens = new CheckedTokens.Remembering<>(checker, TTL, clock);

    @Test
    void an_accepted_token_is_not_checked_again_within_the_ttl() {
        var ann = accept("t1", clock.instant().plus(Duration.ofHours(1)));

        var first = validate("t1");
        clock.advance(TTL.minusSeconds(1));
        var second = validate("t1");

        assertSame(ann, first);
        assertSame(ann, second);
        assertEquals(1, checks.get("t1"));
    }

    @Test
    void after_the_ttl_the_token_is_checked_again() {
        accept("t1", clock.instant().plus(Duration.ofHours(1)));
        validate("t1");

        clock.advance(TTL);
        validate("t1");

        assertEquals(2, checks.get("t1"));
    }

    @Test
    void a_token_is_never_used_unchecked_past_its_expiry_and_the_clock_skew() {
        var exp = clock.instant().minusSeconds(30); // expired, but within the skew for 30 s more
        accept("t1", exp);
        validate("t1");

        clock.set(exp.plus(SKEW).minusMillis(1));
        validate("t1");
        assertEquals(1, checks.get("t1"));

        clock.set(exp.plus(SKEW));
        accepted.remove("t1"); // the checker now finds it expired
        assertNull(validate("t1"));
        assertEquals(2, checks.get("t1"));
    }

    @Test
    void a_refused_token_is_checked_every_time() {
        validate("forged");
        validate("forged");

        assertEquals(2, checks.get("forged"));
        assertEquals(0, tokens.size());
    }

    @Test
    void a_token_whose_expiry_cannot_be_read_is_not_remembered() {
        accepted.put("t1", Authentication.build("ann", List.of("staff"), Map.of("exp", "tomorrow")));

        validate("t1");
        validate("t1");

        assertEquals(2, checks.get("t1"));
    }

    @Test
    void expiry_in_epoch_seconds_counts_as_well() {
        accepted.put("t1", Authentication.build("ann", List.of("staff"),
                Map.of("exp", clock.instant().plusSeconds(3600).getEpochSecond())));

        validate("t1");
        validate("t1");

        assertEquals(1, checks.get("t1"));
    }

    @Test
    void each_token_is_remembered_apart() {
        var ann = accept("t1", clock.instant().plus(Duration.ofHours(1)));
        var bob = accept("t2", clock.instant().plus(Duration.ofHours(1)));

        assertSame(ann, validate("t1"));
        assertSame(bob, validate("t2"));
        assertSame(ann, validate("t1"));
        assertEquals(2, tokens.size());
    }

    @Test
    void a_ttl_of_zero_leaves_the_checker_as_it_is() {
        assertSame(checker, new CheckedTokens(settings(Duration.ZERO), clock).wrap(checker));
        assertInstanceOf(CheckedTokens.Remembering.class, new CheckedTokens(settings(TTL), clock).wrap(checker));
    }

    private static AuthSettings settings(Duration checkedTokenTtl) {
        var settings = new AuthSettings();
        settings.setCheckedTokenTtl(checkedTokenTtl);
        return settings;
    }

    private Authentication accept(String token, Instant exp) {
        var authentication = Authentication.build("user-" + token, List.of("staff"), Map.of("exp", Date.from(exp)));
        accepted.put(token, authentication);
        return authentication;
    }

    private Authentication validate(String token) {
        return Mono.from(tokens.validateToken(token, new Object())).block();
    }

    private final class Checker implements ReactiveJsonWebTokenValidator<JWT, Object> {

        @Override
        public Publisher<Authentication> validateToken(String token, Object request) {
            checks.merge(token, 1, Integer::sum);
            return Mono.justOrEmpty(accepted.get(token));
        }

        @Override
        public Publisher<JWT> validate(String token, Object request) {
            throw new UnsupportedOperationException();
        }
    }
}
