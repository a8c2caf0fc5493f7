package dev.orderflow.adapters.rest;

import dev.orderflow.domain.Order;
import io.micronaut.security.authentication.Authentication;

/**
 * What a caller may do with orders. Customers act on their own orders only, and to them another's order does
 * not exist, so ids cannot be probed; staff, services and admins act on every order.
 */
final class OrderAccess {

    private OrderAccess() {
    }

    /** The caller the token names; a token without an order role is refused. */
    static Caller caller(Authentication authentication) {
        return Caller.of(authentication).orElseThrow(() -> new AccessDenied(
                "the token holds none of the roles customer, staff, service or admin, or its sub cannot name one"));
    }

    /** The caller, unless it is a customer: only staff, services and admins move an order on. */
    static Caller staffOnly(Authentication authentication, String action) {
        var caller = caller(authentication);
        if (caller instanceof Caller.Customer) {
            throw new AccessDenied("a customer cannot " + action + " an order");
        }
        return caller;
    }

    /** Whether the caller may see the order. */
    static boolean visible(Caller caller, Order order) {
        return switch (caller) {
            case Caller.Customer customer -> customer.owns(order.details().customerId());
            case Caller.Staff staff -> true;
            case Caller.Service service -> true;
        };
    }

    /** The customer whose orders are listed: a customer's own (customerId omitted or its own), any for others. */
    static String listedCustomer(Caller caller, String customerId) {
        if (caller instanceof Caller.Customer own) {
            if (!own.namesSelfOrNone(customerId)) {
                throw new AccessDenied("a customer lists its own orders only: omit customerId or send your own");
            }
            return own.id().value();
        }
        return customerId;
    }

    /** The order as placed: a customer's own (customerId omitted or its own), anyone's for staff and services. */
    static OrderJson.PlaceOrder placedBy(Caller caller, OrderJson.PlaceOrder body) {
        var customerId = switch (caller) {
            case Caller.Customer customer -> {
                if (!customer.namesSelfOrNone(body.customerId())) {
                    throw new AccessDenied("a customer places orders for itself only: omit customerId or send your own");
                }
                yield customer.id().value();
            }
            case Caller.Staff staff -> body.customerId();
            case Caller.Service service -> body.customerId();
        };
        if (customerId == null) {
            throw InvalidRequest.of(Problem.FieldError.body("/customerId", "is required"));
        }
        return new OrderJson.PlaceOrder(customerId, body.lines(), body.shippingAddress());
    }
}
