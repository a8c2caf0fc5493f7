package dev.orderflow.adapters.rest;

import dev.orderflow.domain.Actor;
import dev.orderflow.domain.CustomerId;
import dev.orderflow.domain.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import java.util.Collection;
import java.util.Optional;

/**
 * Who sends a request, from the token's {@code sub} and roles: a customer acts on its own orders only, staff
 * (and admin, who acts as staff) and services on every order. The actor recorded on events follows from it.
 */
sealed interface Caller {

    String CUSTOMER = "customer";
    String STAFF = "staff";
    String SERVICE = "service";
    String ADMIN = "admin";

    /** Who the events of this caller's changes name. */
    Actor actor();

    /** The principal as one token, such as {@code customer:c-42}: what idempotency keys and limits are per. */
    default String principal() {
        return actor().token();
    }

    /** A customer, whose {@code sub} is its customer id. */
    record Customer(Actor.Customer actor) implements Caller {
        CustomerId id() {
            return actor.id();
        }

        boolean owns(CustomerId customer) {
            return actor.id().equals(customer);
        }

        /**
         * Whether a customer id that a request sends (omitted: null) names this customer or none: stripped, as
         * {@link CustomerId} strips it.
         */
        boolean namesSelfOrNone(@Nullable String customerId) {
            return customerId == null || customerId.strip().equals(id().value());
        }
    }

    /** A member of staff or an admin. */
    record Staff(Actor.Staff actor) implements Caller {
    }

    /** Another system, recorded as {@code system:<sub>}. */
    record Service(Actor.System actor) implements Caller {
    }

    /**
     * The caller the token names, most privileged role first; empty when it holds none of the order roles or
     * its {@code sub} cannot name an actor of that kind.
     */
    static Optional<Caller> of(Authentication authentication) {
        var roles = authentication.getRoles();
        var sub = authentication.getName();
        try {
            if (has(roles, ADMIN) || has(roles, STAFF)) {
                return Optional.of(new Staff(new Actor.Staff(sub)));
            }
            if (has(roles, SERVICE)) {
                return Optional.of(new Service(new Actor.System(sub)));
            }
            if (has(roles, CUSTOMER)) {
                return Optional.of(new Customer(new Actor.Customer(new CustomerId(sub))));
            }
            return Optional.empty();
        } catch (InvalidValueException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static boolean has(Collection<String> roles, String role) {
        return roles.contains(role);
    }
}
