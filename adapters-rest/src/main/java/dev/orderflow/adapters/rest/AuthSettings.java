package dev.orderflow.adapters.rest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * How tokens are checked ({@code orderflow.auth.*}): where the keys come from (an identity provider's JWKS
 * URL, an HS256 secret, or both), the issuer and audience a token must name when set, and the claim that holds
 * the roles (a dotted path such as {@code realm_access.roles} for Keycloak).
 */
@ConfigurationProperties("orderflow.auth")
final class AuthSettings {

    static final int MIN_SECRET_LENGTH = 32;

    private String jwksUrl;
    private String jwtSecret;
    private String issuer;
    private String audience;
    private String rolesClaim = "roles";
    private Duration jwksRefreshMinInterval = Duration.ofSeconds(10);
    private Duration jwksCacheTtl = Duration.ofMinutes(15);
    private Duration checkedTokenTtl = Duration.ofSeconds(60);
    private boolean developmentKey;

    /** The JWKS URL, if one is set; a malformed one stops the start. */
    Optional<URL> jwks() {
        var url = present(jwksUrl);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        try {
            var uri = URI.create(url.get());
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException("not http(s)");
            }
            return Optional.of(uri.toURL());
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new ConfigurationException("ORDERFLOW_AUTH_JWKS_URL must be an http(s) URL, such as "
                    + "https://idp.example/realms/shop/protocol/openid-connect/certs");
        }
    }

    /** The HS256 secret, if one is set; one shorter than 32 characters stops the start. */
    Optional<byte[]> secret() {
        return present(jwtSecret).map(secret -> {
            var bytes = secret.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_SECRET_LENGTH) {
                throw new ConfigurationException("ORDERFLOW_AUTH_JWT_SECRET must be at least " + MIN_SECRET_LENGTH
                        + " characters long");
            }
            return bytes;
        });
    }

    Optional<String> issuer() {
        return present(issuer);
    }

    Optional<String> audience() {
        return present(audience);
    }

    String rolesClaim() {
        return present(rolesClaim).orElse("roles");
    }

    Duration jwksRefreshMinInterval() {
        return jwksRefreshMinInterval;
    }

    Duration jwksCacheTtl() {
        return jwksCacheTtl;
    }

    /** How long an accepted token is used again without a check ({@link CheckedTokens}); zero: never. */
    Duration checkedTokenTtl() {
        if (checkedTokenTtl.isNegative()) {
            throw new ConfigurationException("ORDERFLOW_AUTH_CHECKED_TOKEN_TTL must not be negative (0: check "
                    + "every request's token)");
        }
        return checkedTokenTtl;
    }

    boolean developmentKey() {
        return developmentKey;
    }

    private static Optional<String> present(@Nullable String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    public void setJwksUrl(@Nullable String jwksUrl) {
        this.jwksUrl = jwksUrl;
    }

    public void setJwtSecret(@Nullable String jwtSecret) {
        this.jwtSecret = jwtSecret;
    }

    public void setIssuer(@Nullable String issuer) {
        this.issuer = issuer;
    }

    public void setAudience(@Nullable String audience) {
        this.audience = audience;
    }

    public void setRolesClaim(@Nullable String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

    public void setJwksRefreshMinInterval(Duration jwksRefreshMinInterval) {
        this.jwksRefreshMinInterval = jwksRefreshMinInterval;
    }

    public void setJwksCacheTtl(Duration jwksCacheTtl) {
        this.jwksCacheTtl = jwksCacheTtl;
    }

    public void setCheckedTokenTtl(Duration checkedTokenTtl) {
        this.checkedTokenTtl = checkedTokenTtl;
    }

    public void setDevelopmentKey(boolean developmentKey) {
        this.developmentKey = developmentKey;
    }
}
