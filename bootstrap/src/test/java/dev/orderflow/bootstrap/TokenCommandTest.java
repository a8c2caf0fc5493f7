package dev.orderflow.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code token} command and the development key it shares with the service. */
class TokenCommandTest {

    private static final String SECRET = "token-command-test-secret-0123456789";

    @TempDir
    Path dir;

    private Properties dataDir() {
        var properties = new Properties();
        properties.setProperty("orderflow.db.data-dir", dir.resolve("postgres").toString());
        return properties;
    }

    @Test
    void the_token_carries_sub_roles_and_expiry_signed_with_the_configured_secret() throws Exception {
        var now = Instant.parse("2026-12-03T10:00:00Z");
        var token = TokenCommand.token(List.of("--sub", "c-42", "--roles", "customer,admin", "--ttl", "PT15M"),
                Map.of("ORDERFLOW_AUTH_JWT_SECRET", SECRET, "ORDERFLOW_AUTH_ISSUER", "https://idp.test"),
                new Properties(), now);
        var jwt = SignedJWT.parse(token);
        assertTrue(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8))));
        var claims = jwt.getJWTClaimsSet();
        assertEquals("c-42", claims.getSubject());
        assertEquals(List.of("customer", "admin"), claims.getStringListClaim("roles"));
        assertEquals(now.plusSeconds(900), claims.getExpirationTime().toInstant());
        assertEquals("https://idp.test", claims.getIssuer());
    }

    @Test
    void a_dotted_roles_claim_nests_the_roles() throws Exception {
        var token = TokenCommand.token(List.of("--sub=ann", "--roles=staff"), Map.of("ORDERFLOW_AUTH_JWT_SECRET",
                SECRET, "ORDERFLOW_AUTH_ROLES_CLAIM", "realm_access.roles"), new Properties(), Instant.now());
        var realm = SignedJWT.parse(token).getJWTClaimsSet().getJSONObjectClaim("realm_access");
        assertEquals(List.of("staff"), realm.get("roles"));
    }

    @Test
    void without_a_secret_the_development_key_is_made_once_with_mode_0600_and_reused() throws Exception {
        var first = TokenCommand.token(List.of("--sub", "c-1", "--roles", "customer"), Map.of(), dataDir(),
                Instant.now());
        var key = dir.resolve(DevelopmentKey.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        var secret = Files.readString(key).strip();
        assertTrue(secret.length() >= 32, secret);
        assertTrue(SignedJWT.parse(first).verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8))));
        assertEquals(secret, DevelopmentKey.loadOrCreate(key));
        assertTrue(DevelopmentKey.needed(Map.of(), new Properties()));
        assertTrue(!DevelopmentKey.needed(Map.of("ORDERFLOW_AUTH_JWKS_URL", "https://idp.test/certs"),
                new Properties()));
    }

    @Test
    void wrong_arguments_print_the_usage_and_exit_2() {
        var err = new ByteArrayOutputStream();
        var out = new ByteArrayOutputStream();
        int code = TokenCommand.run(List.of("--sub", "c-1", "--roles", "wizard"), Map.of(), dataDir(),
                new PrintStream(out), new PrintStream(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("unknown role 'wizard'"), err.toString());
        assertEquals("", out.toString());
        assertNotEquals(0, TokenCommand.run(List.of(), Map.of(), dataDir(), new PrintStream(out),
                new PrintStream(err)));
    }

    @Test
    void with_an_identity_provider_tokens_come_from_it() {
        var failure = assertThrows(IllegalArgumentException.class, () -> TokenCommand.token(
                List.of("--sub", "c-1", "--roles", "customer"),
                Map.of("ORDERFLOW_AUTH_JWKS_URL", "https://idp.test/certs"), dataDir(), Instant.now()));
        assertTrue(failure.getMessage().contains("identity provider"), failure.getMessage());
    }
}
