package dev.orderflow.adapters.rest;

/** The caller may not do what it asks; answered with a {@code forbidden} problem before anything changes. */
final class AccessDenied extends RuntimeException {

    AccessDenied(String detail) {
        super(detail, null, false, false);
    }
}
