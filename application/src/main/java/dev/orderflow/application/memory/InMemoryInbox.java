package dev.orderflow.application.memory;

import dev.orderflow.application.port.out.Inbox;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

final class InMemoryInbox implements Inbox {

    private record MessageKey(String consumer, String messageId) {
    }

    private record Received(Instant at, String outcome) {
    }

    private final Store store;
    private final Map<MessageKey, Received> received = new HashMap<>();

    InMemoryInbox(Store store) {
        this.store = store;
    }

    @Override
    public Receipt receive(String consumer, String messageId, Instant at) {
        return store.locked(() -> {
            var key = new MessageKey(consumer, messageId);
            if (received.containsKey(key)) {
                return Receipt.DUPLICATE;
            }
            received.put(key, new Received(at, ""));
            store.onRollback(() -> received.remove(key));
            return Receipt.NEW;
        });
    }

    @Override
    public void recordOutcome(String consumer, String messageId, String outcome) {
        store.locked(() -> {
            var key = new MessageKey(consumer, messageId);
            var before = received.get(key);
            if (before == null) {
                throw new IllegalStateException("message " + messageId + " was not received by " + consumer);
            }
            received.put(key, new Received(before.at(), outcome));
            store.onRollback(() -> received.put(key, before));
            return null;
        });
    }

    @Override
    public int deleteReceivedBefore(Instant before) {
        return store.locked(() -> {
            var deleted = new HashMap<MessageKey, Received>();
            received.forEach((key, value) -> {
                if (value.at().isBefore(before)) {
                    deleted.put(key, value);
                }
            });
            deleted.keySet().forEach(received::remove);
            store.onRollback(() -> received.putAll(deleted));
            return deleted.size();
        });
    }
}
