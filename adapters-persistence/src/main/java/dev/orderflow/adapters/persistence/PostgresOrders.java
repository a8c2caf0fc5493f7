package dev.orderflow.adapters.persistence;

import dev.orderflow.application.port.in.OrderFilter;
import dev.orderflow.application.port.in.OrderPage;
import dev.orderflow.application.port.in.PageCursor;
import dev.orderflow.application.port.in.PageRequest;
import dev.orderflow.application.port.out.Orders;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Orders in the {@code orders} and {@code order_lines} tables ({@link OrderRows}). A save is one conditional
 * statement, so a stale version changes nothing and never aborts the caller's transaction.
 */
final class PostgresOrders implements Orders {

    private final Sql sql;
    private final OrderRows rows;

    PostgresOrders(Sql sql, OrderRows rows) {
        this.sql = sql;
        this.rows = rows;
    }

    @Override
    public Optional<Order> load(OrderId id) {
        return sql.call("load order " + id, () -> rows.findById(id.value())).map(OrderMapper::order);
    }

    @Override
    public SaveResult save(Order order, long expectedVersion) {
        if (order.version() <= expectedVersion) {
            return SaveResult.CONFLICT;
        }
        var row = OrderMapper.row(order);
        int saved = expectedVersion == 0
                ? sql.call("insert order " + order.id(), () -> rows.insertIfAbsent(row))
                : sql.call("update order " + order.id(), () -> rows.updateState(row.id(), expectedVersion,
                        row.version(), row.status(), row.updatedAt(), row.confirmedAt(), row.shippedAt(), row.carrier(),
                        row.trackingNumber(), row.deliveredAt(), row.cancelledFrom(), row.cancelledAt(),
                        row.cancellationReason()));
        return saved == 1 ? SaveResult.SAVED : SaveResult.CONFLICT;
    }

    @Override
    public List<Overdue> claimOverdue(Instant placedBefore, int limit) {
        return sql.call("claim overdue orders", () -> rows.claimOverdue(placedBefore, limit)).stream()
                .map(row -> new Overdue(new OrderId(row.id()), row.version())).toList();
    }

    @Override
    public OrderPage list(OrderFilter filter, PageRequest page) {
        var from = filter.placedFrom().orElse(null);
        var before = filter.placedBefore().orElse(null);
        var afterAt = page.after().map(PageCursor::placedAt).orElse(null);
        var afterId = page.after().map(after -> after.orderId().value()).orElse(null);
        var status = filter.status().map(Enum::name).orElse(null);
        // one more than asked tells whether there is a next page
        int limit = page.limit() + 1;
        // the query of the index that serves the filter
        var found = sql.call("list orders", () -> {
            if (filter.customerId().isPresent()) {
                return rows.pageOfCustomer(filter.customerId().get().value(), status, from, before, afterAt,
                        afterId, limit);
            }
            return status != null
                    ? rows.pageOfStatus(status, from, before, afterAt, afterId, limit)
                    : rows.page(from, before, afterAt, afterId, limit);
        });
        var orders = found.stream().map(OrderMapper::order).toList();
        if (orders.size() <= page.limit()) {
            return new OrderPage(orders, Optional.empty());
        }
        var items = orders.subList(0, page.limit());
        var last = items.getLast();
        return new OrderPage(items, Optional.of(new PageCursor(last.details().placedAt(), last.id())));
    }
}
