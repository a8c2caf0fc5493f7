package dev.orderflow.adapters.rest;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/** The OpenAPI document and Swagger UI are public: they describe the API, they do not use it. */
@Singleton
final class PublicDocs implements SecurityRule<HttpRequest<?>> {

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, Authentication authentication) {
        var path = request.getPath();
        return Publishers.just(path.startsWith("/swagger/") || path.startsWith("/swagger-ui/") || path.equals("/swagger-ui")
                ? SecurityRuleResult.ALLOWED : SecurityRuleResult.UNKNOWN);
    }
}
