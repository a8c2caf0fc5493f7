package dev.orderflow.adapters.rest;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys accepted tokens are signed with: an identity provider's JWKS (RS256, ES256) and an HS256 secret.
 * Each algorithm goes to the one key source made for it, so a token signed with HS256 is never checked against
 * an RSA public key (HS/RS confusion) and unsigned tokens are refused by micronaut-security-jwt. The JWKS is
 * fetched, cached and, when a token names a key id it does not hold, fetched again (at most once per
 * configured interval) by Nimbus' {@link JWKSourceBuilder}.
 */
final class TokenKeys implements SignatureConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(TokenKeys.class);
    private static final Set<JWSAlgorithm> JWKS_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private final Optional<JWSVerificationKeySelector<SecurityContext>> jwks;
    private final Optional<SecretSignature> secret;
    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();

    private TokenKeys(Optional<JWSVerificationKeySelector<SecurityContext>> jwks, Optional<SecretSignature> secret) {
        this.jwks = jwks;
        this.secret = secret;
    }

    static TokenKeys of(Optional<URL> jwksUrl, Optional<byte[]> secret, Duration refreshMinInterval,
                        Duration cacheTtl) {
        if (jwksUrl.isEmpty() && secret.isEmpty()) {
            throw new io.micronaut.context.exceptions.ConfigurationException("set ORDERFLOW_AUTH_JWKS_URL (keys of "
                    + "an identity provider) or ORDERFLOW_AUTH_JWT_SECRET (an HS256 secret of 32+ characters)");
        }
        return new TokenKeys(jwksUrl.map(url -> selector(url, refreshMinInterval, cacheTtl)), secret.map(bytes -> {
            var configuration = new SecretSignatureConfiguration("orderflow");
            configuration.setSecret(new String(bytes, StandardCharsets.UTF_8));
            configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
            return new SecretSignature(configuration);
        }));
    }

    private static JWSVerificationKeySelector<SecurityContext> selector(URL url, Duration refreshMinInterval,
                                                                        Duration cacheTtl) {
        var builder = JWKSourceBuilder.<SecurityContext>create(url)
                .cache(cacheTtl.toMillis(), Duration.ofSeconds(15).toMillis());
        builder = refreshMinInterval.isZero() ? builder.rateLimited(false)
                : builder.rateLimited(refreshMinInterval.toMillis());
        return new JWSVerificationKeySelector<>(JWKS_ALGORITHMS, builder.build());
    }

    @Override
    public String supportedAlgorithmsMessage() {
        var algorithms = new ArrayList<String>();
        jwks.ifPresent(ignored -> algorithms.addAll(JWKS_ALGORITHMS.stream().map(JWSAlgorithm::getName).sorted()
                .toList()));
        secret.ifPresent(ignored -> algorithms.add(JWSAlgorithm.HS256.getName()));
        return "Only the " + String.join(", ", algorithms) + " algorithms are supported";
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return jwks.isPresent() && JWKS_ALGORITHMS.contains(algorithm)
                || secret.isPresent() && JWSAlgorithm.HS256.equals(algorithm);
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        var algorithm = jwt.getHeader().getAlgorithm();
        if (JWSAlgorithm.HS256.equals(algorithm)) {
            return secret.isPresent() && secret.get().verify(jwt);
        }
        if (jwks.isEmpty() || !JWKS_ALGORITHMS.contains(algorithm)) {
            return false;
        }
        try {
            for (var key : jwks.get().selectJWSKeys(jwt.getHeader(), null)) {
                if (jwt.verify(verifiers.createJWSVerifier(jwt.getHeader(), key))) {
                    return true;
                }
            }
            return false;
        } catch (KeySourceException e) {
            LOG.warn("Cannot get the identity provider's keys: {}", e.getMessage());
            return false;
        }
    }
}
