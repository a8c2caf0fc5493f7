package dev.orderflow.adapters.rest;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The token keys, made when the application starts so that a missing or bad setting stops the start. */
@Factory
final class AuthBeans {

    private static final Logger LOG = LoggerFactory.getLogger(AuthBeans.class);

    @Context
    @Named("orderflow")
    SignatureConfiguration tokenKeys(AuthSettings settings) {
        var keys = TokenKeys.of(settings.jwks(), settings.secret(), settings.jwksRefreshMinInterval(),
                settings.jwksCacheTtl());
        if (settings.developmentKey()) {
            LOG.warn("Tokens are signed with a local development key; set ORDERFLOW_AUTH_JWKS_URL or "
                    + "ORDERFLOW_AUTH_JWT_SECRET before exposing this service");
        }
        return keys;
    }
}
