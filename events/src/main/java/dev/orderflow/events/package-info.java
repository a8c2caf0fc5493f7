/**
 * The one JSON schema of order events, version 1: a payload record per event type ({@link OrderEventV1}), the
 * type names ({@link EventType}) and the codec between them and the domain's events ({@link EventCodec}). The
 * persistence adapter stores events in this shape, the messaging adapter publishes it and the REST adapter
 * lists it; golden files in the tests pin it. A change that breaks a golden file is a new version, not an edit.
 */
package dev.orderflow.events;
