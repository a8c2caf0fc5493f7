package dev.orderflow.adapters.rest;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.ExpirationJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JWTClaimsSetUtils;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;

/**
 * The claims every accepted token must hold, checked by Nimbus' {@link DefaultJWTClaimsVerifier}: {@code exp}
 * and {@code sub} present, {@code exp} and {@code nbf} honoured with at most 60 s of clock skew, and the issuer
 * and audience when they are configured. Replaces micronaut-security's expiration check, which allows no skew
 * and lets a token without {@code exp} through.
 */
@Singleton
@Replaces(ExpirationJwtClaimsValidator.class)
final class TokenClaims<T> implements GenericJwtClaimsValidator<T> {

    static final int MAX_CLOCK_SKEW_SECONDS = 60;

    private final DefaultJWTClaimsVerifier<SecurityContext> verifier;

    TokenClaims(AuthSettings settings) {
        var exact = new JWTClaimsSet.Builder();
        settings.issuer().ifPresent(exact::issuer);
        // Nimbus asks these sets whether they contain null, which the immutable Set.of refuses to answer
        verifier = new DefaultJWTClaimsVerifier<>(settings.audience().map(a -> new HashSet<>(List.of(a)))
                .orElse(null), exact.build(), new HashSet<>(List.of("exp", "sub")), new HashSet<>());
        verifier.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
    }

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        try {
            verifier.verify(JWTClaimsSetUtils.jwtClaimsSetFromClaims(claims), null);
            return true;
        } catch (BadJWTException e) {
            return false;
        }
    }
}
