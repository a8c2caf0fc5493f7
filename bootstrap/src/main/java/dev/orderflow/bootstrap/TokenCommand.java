package dev.orderflow.bootstrap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code java -jar orderflow.jar token --sub c-42 --roles customer [--ttl PT1H]}: prints a token the running
 * service accepts, signed with {@code ORDERFLOW_AUTH_JWT_SECRET} or, without it, the development key in the
 * data directory. With an identity provider configured ({@code ORDERFLOW_AUTH_JWKS_URL}) tokens come from it.
 */
final class TokenCommand {

    static final String NAME = "token";
    private static final List<String> ROLES = List.of("customer", "staff", "service", "admin");
    private static final String USAGE = "usage: java -jar orderflow.jar token --sub <id> --roles <role>[,<role>…] "
            + "[--ttl <ISO-8601 duration, default PT1H>]; roles: " + String.join(", ", ROLES);

    private TokenCommand() {
    }

    /** Prints the token on {@code out} and returns 0, or a message on {@code err} and returns 2. */
    static int run(List<String> args, Map<String, String> env, Properties system, PrintStream out, PrintStream err) {
        try {
            out.println(token(args, env, system, Instant.now()));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("orderflow token: " + e.getMessage());
            return 2;
        }
    }

    static String token(List<String> args, Map<String, String> env, Properties system, Instant now) {
        var options = options(args);
        var sub = options.get("--sub");
        var roles = options.get("--roles");
        if (sub == null || sub.isBlank() || roles == null || roles.isBlank()) {
            throw new IllegalArgumentException(USAGE);
        }
        var roleList = Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList();
        for (var role : roleList) {
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("unknown role '" + role + "'; " + USAGE);
            }
        }
        Duration ttl;
        try {
            ttl = Duration.parse(options.getOrDefault("--ttl", "PT1H"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--ttl must be an ISO-8601 duration such as PT1H or PT15M");
        }
        var claims = new JWTClaimsSet.Builder().subject(sub).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)));
        DevelopmentKey.set(env, system, "ORDERFLOW_AUTH_ISSUER", "orderflow.auth.issuer").ifPresent(claims::issuer);
        DevelopmentKey.set(env, system, "ORDERFLOW_AUTH_AUDIENCE", "orderflow.auth.audience")
                .ifPresent(claims::audience);
        var path = DevelopmentKey.set(env, system, "ORDERFLOW_AUTH_ROLES_CLAIM", "orderflow.auth.roles-claim")
                .orElse("roles").split("\\.");
        Object value = roleList;
        for (int i = path.length - 1; i > 0; i--) {
            value = Map.of(path[i], value);
        }
        claims.claim(path[0], value);
        return sign(claims.build(), secret(env, system));
    }

    private static String secret(Map<String, String> env, Properties system) {
        var configured = DevelopmentKey.set(env, system, DevelopmentKey.SECRET_ENV, "orderflow.auth.jwt-secret");
        if (configured.isPresent()) {
            return configured.get();
        }
        if (DevelopmentKey.set(env, system, DevelopmentKey.JWKS_ENV, "orderflow.auth.jwks-url").isPresent()) {
            throw new IllegalArgumentException("ORDERFLOW_AUTH_JWKS_URL is set: get tokens from that identity "
                    + "provider (or set ORDERFLOW_AUTH_JWT_SECRET as well)");
        }
        return DevelopmentKey.loadOrCreate(DevelopmentKey.file(env, system));
    }

    private static String sign(JWTClaimsSet claims, String secret) {
        var bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalArgumentException("ORDERFLOW_AUTH_JWT_SECRET must be at least 32 characters long");
        }
        try {
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(bytes));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the token", e);
        }
    }

    private static Map<String, String> options(List<String> args) {
        var options = new LinkedHashMap<String, String>();
        var rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            var name = rest.removeFirst();
            var equals = name.indexOf('=');
            if (equals > 0) {
                options.put(name.substring(0, equals), name.substring(equals + 1));
            } else if (List.of("--sub", "--roles", "--ttl").contains(name) && !rest.isEmpty()) {
                options.put(name, rest.removeFirst());
            } else {
                throw new IllegalArgumentException("unexpected '" + name + "'; " + USAGE);
            }
        }
        return options;
    }
}
