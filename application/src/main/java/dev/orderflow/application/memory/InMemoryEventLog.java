package dev.orderflow.application.memory;

import dev.orderflow.application.port.out.OrderEventLog;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

final class InMemoryEventLog implements OrderEventLog {

    private final Store store;
    private final Map<OrderId, TreeMap<Long, OrderEvent>> byOrder = new HashMap<>();

    InMemoryEventLog(Store store) {
        this.store = store;
    }

    @Override
    public void append(List<OrderEvent> events) {
        store.locked(() -> {
            for (var event : events) {
                var versions = byOrder.get(event.orderId());
                if (versions != null && versions.containsKey(event.version())) {
                    throw new IllegalStateException(
                            "order " + event.orderId() + " already has an event with version " + event.version());
                }
            }
            var added = new ArrayList<OrderEvent>();
            for (var event : events) {
                byOrder.computeIfAbsent(event.orderId(), id -> new TreeMap<>()).put(event.version(), event);
                added.add(event);
            }
            store.onRollback(() -> added.forEach(e -> byOrder.get(e.orderId()).remove(e.version())));
            return null;
        });
    }

    @Override
    public List<OrderEvent> history(OrderId id) {
        return store.locked(() -> {
            var versions = byOrder.get(id);
            return versions == null ? List.<OrderEvent>of() : versions.values().stream()
                    .sorted(Comparator.comparingLong(OrderEvent::version)).toList();
        });
    }
}
