package dev.orderflow.adapters.persistence;

import static dev.orderflow.adapters.persistence.Sql.instant;
import static dev.orderflow.adapters.persistence.Sql.setInstant;

import dev.orderflow.application.port.in.OrderFilter;
import dev.orderflow.application.port.in.OrderPage;
import dev.orderflow.application.port.in.PageCursor;
import dev.orderflow.application.port.in.PageRequest;
import dev.orderflow.application.port.out.Orders;
import dev.orderflow.domain.CancellationReason;
import dev.orderflow.domain.Carrier;
import dev.orderflow.domain.CustomerId;
import dev.orderflow.domain.Money;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderDetails;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.OrderLine;
import dev.orderflow.domain.OrderStatus;
import dev.orderflow.domain.Quantity;
import dev.orderflow.domain.ShippingAddress;
import dev.orderflow.domain.Sku;
import dev.orderflow.domain.TrackingNumber;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Orders in the {@code orders} and {@code order_lines} tables. A save is one conditional statement, so a
 * stale version changes nothing and never aborts the caller's transaction.
 */
final class PostgresOrders implements Orders {

    /** The columns a state change writes, in the order {@link #bindState} binds them. */
    private static final String STATE_COLUMNS = "version, status, updated_at, confirmed_at, shipped_at, carrier, "
            + "tracking_number, delivered_at, cancelled_from, cancelled_at, cancellation_reason";
    private static final int STATE_COLUMN_COUNT = 11;

    private static final String INSERT = "INSERT INTO orders (id, customer_id, currency, total_minor, "
            + "ship_recipient, ship_line1, ship_line2, ship_postal_code, ship_city, ship_region, ship_country, "
            + "placed_at, " + STATE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";
    private static final String INSERT_LINE =
            "INSERT INTO order_lines (order_id, line_no, sku, quantity, unit_price_minor) VALUES (?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE orders SET (" + STATE_COLUMNS + ") = "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ? AND version = ?";

    private static final String ORDER_COLUMNS = "o.id, o.version, o.status, o.customer_id, o.currency, "
            + "o.total_minor, o.ship_recipient, o.ship_line1, o.ship_line2, o.ship_postal_code, o.ship_city, "
            + "o.ship_region, o.ship_country, o.placed_at, o.confirmed_at, o.shipped_at, o.carrier, "
            + "o.tracking_number, o.delivered_at, o.cancelled_from, o.cancelled_at, o.cancellation_reason, "
            + "l.sku, l.quantity, l.unit_price_minor";
    private static final String LOAD = "SELECT " + ORDER_COLUMNS
            + " FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.id = ? ORDER BY l.line_no";

    /** Served by the partial index orders_pending_by_placement (V5). */
    private static final String CLAIM_OVERDUE = "SELECT id, version FROM orders WHERE status = 'PENDING' "
            + "AND placed_at < ? ORDER BY placed_at, id LIMIT ? FOR UPDATE SKIP LOCKED";

    private final Sql sql;

    PostgresOrders(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<Order> load(OrderId id) {
        var orders = read(sql.query(LOAD, s -> s.setObject(1, id.value()), OrderRow::read));
        return orders.stream().findFirst();
    }

    @Override
    public SaveResult save(Order order, long expectedVersion) {
        if (order.version() <= expectedVersion) {
            return SaveResult.CONFLICT;
        }
        return expectedVersion == 0 ? insert(order) : update(order, expectedVersion);
    }

    @Override
    public List<Overdue> claimOverdue(Instant placedBefore, int limit) {
        return sql.query(CLAIM_OVERDUE, s -> {
            setInstant(s, 1, placedBefore);
            s.setInt(2, limit);
        }, row -> new Overdue(new OrderId(row.getObject("id", UUID.class)), row.getLong("version")));
    }

    private SaveResult insert(Order order) {
        return sql.inTransaction(() -> {
            var d = order.details();
            int inserted = sql.update(INSERT, s -> {
                var a = d.shippingAddress();
                s.setObject(1, d.id().value());
                s.setString(2, d.customerId().value());
                s.setString(3, d.total().currency().getCurrencyCode());
                s.setLong(4, d.total().minorUnits());
                s.setString(5, a.recipient());
                s.setString(6, a.line1());
                s.setString(7, a.line2());
                s.setString(8, a.postalCode());
                s.setString(9, a.city());
                s.setString(10, a.region());
                s.setString(11, a.country());
                setInstant(s, 12, d.placedAt());
                bindState(s, 13, order);
            });
            if (inserted == 0) {
                return SaveResult.CONFLICT;
            }
            sql.statement(INSERT_LINE, s -> {
                int lineNo = 0;
                for (var line : d.lines()) {
                    s.setObject(1, d.id().value());
                    s.setInt(2, ++lineNo);
                    s.setString(3, line.sku().value());
                    s.setInt(4, line.quantity().value());
                    s.setLong(5, line.unitPrice().minorUnits());
                    s.addBatch();
                }
                return s.executeBatch();
            });
            return SaveResult.SAVED;
        });
    }

    private SaveResult update(Order order, long expectedVersion) {
        int updated = sql.update(UPDATE, s -> {
            bindState(s, 1, order);
            s.setObject(STATE_COLUMN_COUNT + 1, order.id().value());
            s.setLong(STATE_COLUMN_COUNT + 2, expectedVersion);
        });
        return updated == 1 ? SaveResult.SAVED : SaveResult.CONFLICT;
    }

    /** Binds the columns of {@link #STATE_COLUMNS} from {@code first} on: what the order's state holds. */
    private static void bindState(PreparedStatement s, int first, Order order) throws SQLException {
        var state = StateColumns.of(order);
        int i = first;
        s.setLong(i++, order.version());
        s.setString(i++, order.status().name());
        setInstant(s, i++, order.updatedAt());
        setInstant(s, i++, state.confirmedAt());
        setInstant(s, i++, state.shippedAt());
        s.setString(i++, state.carrier());
        s.setString(i++, state.trackingNumber());
        setInstant(s, i++, state.deliveredAt());
        s.setString(i++, state.cancelledFrom());
        setInstant(s, i++, state.cancelledAt());
        s.setString(i, state.reason());
    }

    /** The nullable state columns of one order row. */
    private record StateColumns(Instant confirmedAt, Instant shippedAt, String carrier, String trackingNumber,
                                Instant deliveredAt, String cancelledFrom, Instant cancelledAt, String reason) {

        static StateColumns of(Order order) {
            return switch (order) {
                case Order.Pending p -> new StateColumns(null, null, null, null, null, null, null, null);
                case Order.Confirmed c -> new StateColumns(c.confirmedAt(), null, null, null, null, null, null, null);
                case Order.Shipped sh -> new StateColumns(sh.confirmedAt(), sh.shippedAt(), sh.carrier().name(),
                        sh.trackingNumber().value(), null, null, null, null);
                case Order.Delivered d -> new StateColumns(d.confirmedAt(), d.shippedAt(), d.carrier().name(),
                        d.trackingNumber().value(), d.deliveredAt(), null, null, null);
                case Order.Cancelled cn -> new StateColumns(null, null, null, null, null,
                        cn.cancelledFrom().name(), cn.cancelledAt(), cn.reason().text());
            };
        }
    }

    @Override
    public OrderPage list(OrderFilter filter, PageRequest page) {
        var where = new ArrayList<String>();
        filter.status().ifPresent(status -> where.add("status = ?"));
        filter.customerId().ifPresent(customer -> where.add("customer_id = ?"));
        filter.placedFrom().ifPresent(from -> where.add("placed_at >= ?"));
        filter.placedBefore().ifPresent(before -> where.add("placed_at < ?"));
        page.after().ifPresent(after -> where.add("(placed_at, id) < (?, ?)"));
        var statement = "SELECT " + ORDER_COLUMNS + " FROM (SELECT * FROM orders"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY placed_at DESC, id DESC LIMIT ?) o JOIN order_lines l ON l.order_id = o.id"
                + " ORDER BY o.placed_at DESC, o.id DESC, l.line_no";
        var orders = read(sql.query(statement, s -> {
            int i = 1;
            if (filter.status().isPresent()) {
                s.setString(i++, filter.status().get().name());
            }
            if (filter.customerId().isPresent()) {
                s.setString(i++, filter.customerId().get().value());
            }
            if (filter.placedFrom().isPresent()) {
                setInstant(s, i++, filter.placedFrom().get());
            }
            if (filter.placedBefore().isPresent()) {
                setInstant(s, i++, filter.placedBefore().get());
            }
            if (page.after().isPresent()) {
                setInstant(s, i++, page.after().get().placedAt());
                s.setObject(i++, page.after().get().orderId().value());
            }
            // one more than asked tells whether there is a next page
            s.setInt(i, page.limit() + 1);
        }, OrderRow::read));
        if (orders.size() <= page.limit()) {
            return new OrderPage(orders, Optional.empty());
        }
        var items = orders.subList(0, page.limit());
        var last = items.getLast();
        return new OrderPage(items, Optional.of(new PageCursor(last.details().placedAt(), last.id())));
    }

    /** Folds rows of order columns joined with one line each into orders, keeping their order. */
    private static List<Order> read(List<OrderRow> rows) {
        var byId = new LinkedHashMap<UUID, List<OrderRow>>();
        for (var row : rows) {
            byId.computeIfAbsent(row.id, id -> new ArrayList<>()).add(row);
        }
        return byId.values().stream().map(PostgresOrders::order).toList();
    }

    private static Order order(List<OrderRow> rows) {
        var first = rows.getFirst();
        var currency = Currency.getInstance(first.currency);
        var lines = rows.stream().map(r -> new OrderLine(new Sku(r.sku), new Quantity(r.quantity),
                new Money(r.unitPriceMinor, currency))).toList();
        var details = new OrderDetails(new OrderId(first.id), new CustomerId(first.customerId), lines,
                first.address, new Money(first.totalMinor, currency), first.placedAt);
        return switch (OrderStatus.valueOf(first.status)) {
            case PENDING -> new Order.Pending(details, first.version);
            case CONFIRMED -> new Order.Confirmed(details, first.version, first.confirmedAt);
            case SHIPPED -> new Order.Shipped(details, first.version, first.confirmedAt, first.shippedAt,
                    new Carrier(first.carrier), new TrackingNumber(first.trackingNumber));
            case DELIVERED -> new Order.Delivered(details, first.version, first.confirmedAt, first.shippedAt,
                    new Carrier(first.carrier), new TrackingNumber(first.trackingNumber), first.deliveredAt);
            case CANCELLED -> new Order.Cancelled(details, first.version, OrderStatus.valueOf(first.cancelledFrom),
                    first.cancelledAt, new CancellationReason(first.cancellationReason));
        };
    }

    /** One row of {@link #ORDER_COLUMNS}: an order's columns and one of its lines. */
    private record OrderRow(UUID id, long version, String status, String customerId, String currency,
                            long totalMinor, ShippingAddress address, Instant placedAt, Instant confirmedAt,
                            Instant shippedAt, String carrier, String trackingNumber, Instant deliveredAt,
                            String cancelledFrom, Instant cancelledAt, String cancellationReason, String sku,
                            int quantity, long unitPriceMinor) {

        static OrderRow read(ResultSet r) throws SQLException {
            var address = new ShippingAddress(r.getString("ship_recipient"), r.getString("ship_line1"),
                    r.getString("ship_line2"), r.getString("ship_postal_code"), r.getString("ship_city"),
                    r.getString("ship_region"), r.getString("ship_country"));
            return new OrderRow(r.getObject("id", UUID.class), r.getLong("version"), r.getString("status"),
                    r.getString("customer_id"), r.getString("currency"), r.getLong("total_minor"), address,
                    instant(r, "placed_at"), instant(r, "confirmed_at"), instant(r, "shipped_at"),
                    r.getString("carrier"), r.getString("tracking_number"), instant(r, "delivered_at"),
                    r.getString("cancelled_from"), instant(r, "cancelled_at"), r.getString("cancellation_reason"),
                    r.getString("sku"), r.getInt("quantity"), r.getLong("unit_price_minor"));
        }
    }
}
