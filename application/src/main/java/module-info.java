/**
 * The orderflow application layer: use cases, the ports they need, and in-memory adapters of those ports.
 * Depends on the domain only.
 */
module dev.orderflow.application {
    requires transitive dev.orderflow.domain;

    exports dev.orderflow.application;
    exports dev.orderflow.application.port.in;
    exports dev.orderflow.application.port.out;
    exports dev.orderflow.application.memory;
}
