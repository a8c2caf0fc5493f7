package dev.orderflow.adapters.rest;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.token.DefaultRolesFinder;
import io.micronaut.security.token.RolesFinder;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the roles from the claim {@code orderflow.auth.roles-claim} names, a dotted path into nested objects
 * ({@code roles}, or {@code realm_access.roles} for Keycloak). The claim is an array of strings; a single string
 * counts as one role. Anything else means no roles.
 */
@Singleton
@Replaces(DefaultRolesFinder.class)
final class RolesClaim implements RolesFinder {

    private final List<String> path;

    RolesClaim(AuthSettings settings) {
        this.path = List.of(settings.rolesClaim().split(Pattern.quote(".")));
    }

    @Override
    public List<String> resolveRoles(Map<String, Object> attributes) {
        Object value = attributes;
        for (var name : path) {
            if (!(value instanceof Map<?, ?> map)) {
                return List.of();
            }
            value = map.get(name);
        }
        return switch (value) {
            case String role -> List.of(role);
            case Collection<?> values -> {
                var roles = new ArrayList<String>();
                for (var role : values) {
                    if (role instanceof String text) {
                        roles.add(text);
                    }
                }
                yield List.copyOf(roles);
            }
            case null, default -> List.of();
        };
    }
}
