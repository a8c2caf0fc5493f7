package dev.orderflow.application.memory;

import dev.orderflow.application.port.in.OrderFilter;
import dev.orderflow.application.port.in.OrderPage;
import dev.orderflow.application.port.in.PageCursor;
import dev.orderflow.application.port.in.PageRequest;
import dev.orderflow.application.port.out.Orders;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

final class InMemoryOrders implements Orders {

    private final Store store;
    private final Map<OrderId, Order> byId = new HashMap<>();
    private final TreeMap<PageCursor, OrderId> newestFirst = new TreeMap<>();

    InMemoryOrders(Store store) {
        this.store = store;
    }

    @Override
    public Optional<Order> load(OrderId id) {
        return store.locked(() -> Optional.ofNullable(byId.get(id)));
    }

    @Override
    public SaveResult save(Order order, long expectedVersion) {
        return store.locked(() -> {
            var previous = byId.get(order.id());
            long storedVersion = previous == null ? 0 : previous.version();
            if (storedVersion != expectedVersion || order.version() <= expectedVersion) {
                return SaveResult.CONFLICT;
            }
            var position = cursor(order);
            byId.put(order.id(), order);
            newestFirst.put(position, order.id());
            store.onRollback(() -> {
                if (previous == null) {
                    byId.remove(order.id());
                    newestFirst.remove(position);
                } else {
                    byId.put(order.id(), previous);
                }
            });
            return SaveResult.SAVED;
        });
    }

    @Override
    public OrderPage list(OrderFilter filter, PageRequest page) {
        return store.locked(() -> {
            var candidates = page.after().map(after -> newestFirst.tailMap(after, false)).orElse(newestFirst);
            var items = new ArrayList<Order>();
            for (var id : candidates.values()) {
                var order = byId.get(id);
                var details = order.details();
                if (!filter.test(order.status(), details.customerId(), details.placedAt())) {
                    continue;
                }
                if (items.size() == page.limit()) {
                    return new OrderPage(items, Optional.of(cursor(items.getLast())));
                }
                items.add(order);
            }
            return new OrderPage(items, Optional.empty());
        });
    }

    /** One lock serialises the transactions, so the caller's transaction holds what it claims until it ends. */
    @Override
    public List<Overdue> claimOverdue(Instant placedBefore, int limit) {
        return store.locked(() -> byId.values().stream()
                .filter(order -> order instanceof Order.Pending && order.details().placedAt().isBefore(placedBefore))
                .sorted(Comparator.comparing((Order order) -> order.details().placedAt()).thenComparing(order -> order.id().value()))
                .limit(limit)
                .map(order -> new Overdue(order.id(), order.version()))
                .toList());
    }

    private static PageCursor cursor(Order order) {
        return new PageCursor(order.details().placedAt(), order.id());
    }
}
