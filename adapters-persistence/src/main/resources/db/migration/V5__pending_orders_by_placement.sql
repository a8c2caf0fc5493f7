-- The payment deadline's periodic claim of overdue pending orders (PostgresOrders.CLAIM_OVERDUE) reads the
-- oldest pending orders first; only pending orders are indexed, so the index stays as small as the backlog.
CREATE INDEX orders_pending_by_placement ON orders (placed_at, id) WHERE status = 'PENDING';
