package dev.orderflow.adapters.rest;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.context.ServerContextPathProvider;
import io.micronaut.web.router.resource.StaticResourceConfiguration;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Serves the OpenAPI document generated at compile time ({@code /swagger/orderflow-v1.yml}) and Swagger UI
 * ({@code /swagger-ui/index.html}) with Micronaut's static resource handling, so that an application using
 * this module needs no configuration for them. {@code orderflow.api.docs.enabled=false} turns both off.
 */
@Factory
@Requires(property = "orderflow.api.docs.enabled", value = "true", defaultValue = "true")
@OpenAPIDefinition(info = @Info(title = "orderflow", version = "v1",
        description = "Order-processing service: place orders and move them through their lifecycle. Errors are "
                + "RFC 9457 application/problem+json with a type URI under https://orderflow.dev/problems/."))
@SecurityScheme(name = ApiDocs.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT from your identity provider, or in development from 'java -jar orderflow.jar token'")
final class ApiDocs {

    /** The name of the bearer token scheme in the OpenAPI document. */
    static final String BEARER = "bearer";

    @Singleton
    @Named("orderflow-openapi")
    Mapping openApiDocument(ResourceResolver resolver, ServerContextPathProvider contextPath) {
        return mapping(resolver, contextPath, "classpath:META-INF/swagger", "/swagger/**");
    }

    @Singleton
    @Named("orderflow-swagger-ui")
    Mapping swaggerUi(ResourceResolver resolver, ServerContextPathProvider contextPath) {
        return mapping(resolver, contextPath, "classpath:META-INF/swagger/views/swagger-ui", "/swagger-ui/**");
    }

    private static Mapping mapping(ResourceResolver resolver, ServerContextPathProvider contextPath, String path,
                                   String mapping) {
        var configuration = new Mapping(resolver, contextPath);
        configuration.setPaths(List.of(path));
        configuration.setMapping(mapping);
        return configuration;
    }

    /**
     * A static resource mapping made in code. A subclass, because a factory method returning
     * {@link StaticResourceConfiguration} itself inherits its {@code @EachProperty} and yields a bean per
     * configuration entry, that is none.
     */
    static final class Mapping extends StaticResourceConfiguration {
        Mapping(ResourceResolver resolver, ServerContextPathProvider contextPath) {
            super(resolver, contextPath);
        }
    }
}
