package dev.orderflow.adapters.rest.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Mints HS256 tokens for the API suites, signed with the secret the application under test is configured
 * with ({@link #SECRET} unless a suite says otherwise).
 */
public final class TestTokens {

    /** The HS256 secret the test configurations of the REST adapter and the bootstrap set. */
    public static final String SECRET = "test-jwt-secret-test-jwt-secret-0123456789";

    private final byte[] secret;

    private TestTokens(byte[] secret) {
        this.secret = secret;
    }

    /** Tokens signed with this secret. */
    public static TestTokens hs256(String secret) {
        return new TestTokens(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** A token for {@code sub} with these roles, valid for an hour. */
    public String mint(String sub, String... roles) {
        var now = Instant.now();
        return sign(new JWTClaimsSet.Builder().subject(sub).claim("roles", List.of(roles))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1)))).build());
    }

    /** The claims, signed. */
    public String sign(JWTClaimsSet claims) {
        try {
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    /** {@code "Bearer " + token}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
