package dev.orderflow.adapters.rest;

import static dev.orderflow.adapters.rest.api.ApiSuite.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.orderflow.adapters.rest.api.ApiClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Token checking end to end: keys from a JWKS served by a JDK HTTP server in the test (RS256 and ES256,
 * rotated to a new key id without a restart) and an HS256 secret; issuer, audience, expiry and not-before
 * with the clock skew; and hostile tokens, each answered with 401 and never a 5xx. Roles are read from
 * Keycloak's {@code realm_access.roles} here, to show that a dotted claim path works.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenAuthIT {

    private static final String ISSUER = "https://idp.test/realms/shop";
    private static final String AUDIENCE = "orderflow";
    private static final String SECRET = "another-test-secret-another-test-secret";

    private final AtomicReference<JWKSet> served = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer jwks;
    private ApplicationContext context;
    private ApiClient api;
    private RSAKey first;
    private ECKey ec;

    @BeforeAll
    void start() throws Exception {
        first = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        served.set(new JWKSet(List.<JWK>of(first.toPublicJWK(), ec.toPublicJWK())));
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/certs", exchange -> {
            fetches.incrementAndGet();
            var body = served.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        context = ApplicationContext.builder().environments(Environment.TEST).properties(Map.of(
                "micronaut.server.port", -1,
                "orderflow.auth.jwks-url", "http://127.0.0.1:" + jwks.getAddress().getPort() + "/certs",
                "orderflow.auth.jwks-refresh-min-interval", "0s",
                "orderflow.auth.jwt-secret", SECRET,
                "orderflow.auth.issuer", ISSUER,
                "orderflow.auth.audience", AUDIENCE,
                "orderflow.auth.roles-claim", "realm_access.roles")).start();
        var server = context.getBean(EmbeddedServer.class).start();
        api = new ApiClient(server.getURI());
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
        if (jwks != null) {
            jwks.stop(0);
        }
    }

    private static JWTClaimsSet.Builder claims(String sub, String... roles) {
        var now = Instant.now();
        return new JWTClaimsSet.Builder().subject(sub).issuer(ISSUER).audience(AUDIENCE)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    private static String rs256(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String hs256(byte[] secret, JWTClaimsSet claims) throws JOSEException {
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    private ApiClient.Response list(String token) {
        return api.get(ORDERS + "?limit=1", "Authorization", "Bearer " + token);
    }

    private static void assertUnauthorized(ApiClient.Response response, String what) {
        assertEquals(401, response.status(), () -> what + ": " + response);
        assertTrue(response.header("Content-Type").orElse("").toLowerCase(Locale.ROOT)
                .startsWith("application/problem+json"), () -> what + ": " + response);
        assertEquals("https://orderflow.dev/problems/unauthorized", response.json().get("type").getStringValue());
        assertEquals(AuthorizationProblems.CHALLENGE, response.header("WWW-Authenticate").orElse(null), what);
    }

    @Test
    void rs256_and_es256_tokens_from_the_jwks_are_accepted() throws Exception {
        assertEquals(200, list(rs256(first, claims("ann", "staff").build())).status());
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ec.getKeyID()).build(),
                claims("ann", "staff").build());
        jwt.sign(new ECDSASigner(ec));
        assertEquals(200, list(jwt.serialize()).status());
    }

    @Test
    void a_rotated_key_is_fetched_when_a_token_names_its_key_id() throws Exception {
        assertEquals(200, list(rs256(first, claims("ann", "staff").build())).status());
        var rotated = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
        served.set(new JWKSet(List.<JWK>of(rotated.toPublicJWK(), ec.toPublicJWK())));
        int before = fetches.get();
        var response = list(rs256(rotated, claims("ann", "staff").build()));
        assertEquals(200, response.status(), response::toString);
        assertTrue(fetches.get() > before, "the JWKS was fetched again");
        var unknown = new RSAKeyGenerator(2048).keyID("rsa-unknown").generate();
        assertUnauthorized(list(rs256(unknown, claims("ann", "staff").build())), "key the provider does not list");
        served.set(new JWKSet(List.<JWK>of(first.toPublicJWK(), rotated.toPublicJWK(), ec.toPublicJWK())));
    }

    @Test
    void the_hs256_secret_signs_tokens_too() throws Exception {
        assertEquals(200, list(hs256(SECRET.getBytes(StandardCharsets.UTF_8), claims("ann", "staff").build()))
                .status());
        assertUnauthorized(list(hs256("a-different-secret-of-32-characters!".getBytes(StandardCharsets.UTF_8),
                claims("ann", "staff").build())), "another secret");
    }

    @Test
    void expiry_and_not_before_are_honoured_with_60_seconds_of_skew() throws Exception {
        var now = Instant.now();
        assertEquals(200, list(rs256(first, claims("ann", "staff")
                .expirationTime(Date.from(now.minusSeconds(20))).build())).status(), "expired within the skew");
        assertUnauthorized(list(rs256(first, claims("ann", "staff")
                .expirationTime(Date.from(now.minusSeconds(120))).build())), "expired");
        assertUnauthorized(list(rs256(first, claims("ann", "staff")
                .notBeforeTime(Date.from(now.plusSeconds(180))).build())), "not yet valid");
        assertEquals(200, list(rs256(first, claims("ann", "staff")
                .notBeforeTime(Date.from(now.plusSeconds(20))).build())).status(), "not before, within the skew");
        assertUnauthorized(list(rs256(first, claims("ann", "staff").expirationTime(null).build())), "no exp");
    }

    @Test
    void issuer_and_audience_are_checked() throws Exception {
        assertUnauthorized(list(rs256(first, claims("ann", "staff").issuer("https://evil.test").build())),
                "wrong issuer");
        assertUnauthorized(list(rs256(first, claims("ann", "staff").audience("someone-else").build())),
                "wrong audience");
        assertUnauthorized(list(rs256(first, claims("", "staff").subject(null).build())), "no sub");
    }

    @Test
    void hostile_tokens_get_401_and_never_a_5xx() throws Exception {
        assertUnauthorized(api.get(ORDERS), "no token");
        assertUnauthorized(list(new PlainJWT(claims("ann", "staff").build()).serialize()), "alg none");
        var confusion = hs256(first.toRSAPublicKey().getEncoded(), claims("ann", "staff").build());
        assertUnauthorized(list(confusion), "HS256 signed with the RSA public key");
        var tampered = rs256(first, claims("ann", "customer").build()).split("\\.");
        var forged = tampered[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims("ann", "admin").build().toString().getBytes(StandardCharsets.UTF_8)) + "." + tampered[2];
        assertUnauthorized(list(forged), "claims changed after signing");
        for (var garbage : List.of("garbage", "a.b.c", "e30.e30.", "....", "Zm9v", "eyJhbGciOiJub25lIn0.e30.",
                "eyJhbGciOiJSUzI1NiIsImtpZCI6IngifQ.e30.AAAA")) {
            assertUnauthorized(list(garbage), garbage);
        }
        assertUnauthorized(api.get(ORDERS, "Authorization", "Basic YWxhZGRpbjpvcGVuc2VzYW1l"), "basic");
        var big = api.get(ORDERS, "Authorization", "Bearer " + "a".repeat(64 * 1024));
        assertTrue(big.status() >= 400 && big.status() < 500, big::toString);
    }

    @Test
    void accepted_tokens_are_remembered_by_every_token_checker() throws Exception {
        var checkers = context.getBeansOfType(ReactiveJsonWebTokenValidator.class);
        assertFalse(checkers.isEmpty());
        assertTrue(checkers.stream().allMatch(CheckedTokens.Remembering.class::isInstance), checkers::toString);
        LongSupplier remembered = () -> checkers.stream()
                .mapToLong(checker -> ((CheckedTokens.Remembering<?>) checker).size()).sum();
        long before = remembered.getAsLong();
        var token = rs256(first, claims("bea", "staff").build());
        assertEquals(200, list(token).status());
        assertEquals(before + 1, remembered.getAsLong(), "remembered: its exp was read");
        assertEquals(200, list(token).status(), "the same token again, remembered");
    }

    @Test
    void a_valid_token_without_an_order_role_is_forbidden() throws Exception {
        var response = list(rs256(first, claims("ann", "auditor").build()));
        assertEquals(403, response.status(), response::toString);
        assertEquals("https://orderflow.dev/problems/forbidden", response.json().get("type").getStringValue());
    }

    @Test
    void a_secret_shorter_than_32_characters_stops_the_start() {
        var failure = assertThrows(RuntimeException.class, () -> ApplicationContext.builder()
                .environments(Environment.TEST).properties(Map.of("orderflow.auth.jwt-secret", "short-secret"))
                .start().close());
        var messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage());
        }
        assertTrue(messages.toString().contains("ORDERFLOW_AUTH_JWT_SECRET must be at least 32 characters"),
                messages::toString);
    }
}
