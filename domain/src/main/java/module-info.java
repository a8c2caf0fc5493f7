/**
 * The orderflow domain: order states, commands, events and the rules between them.
 * Depends on the JDK only.
 */
module dev.orderflow.domain {
    exports dev.orderflow.domain;
}
