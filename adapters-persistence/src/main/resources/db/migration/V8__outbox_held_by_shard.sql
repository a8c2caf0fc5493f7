-- Relays no longer lease each entry: a relay holds shards of the outbox under transaction-level advisory locks
-- while it reads a batch, publishes it and marks it published, all in one transaction (OutboxRows). An entry's
-- shard is the low four bits of its order id's last byte, so an order's entries all lie in one shard and no two
-- relays hold them at once. Leasing wrote every entry twice (the lease, then the publication) and checked each
-- entry's earlier entries through a second index; both go. The index of unpublished entries carries the shard,
-- so that a relay's scan in sequence order passes over other shards' entries in the index alone.
DROP INDEX IF EXISTS outbox_unpublished_by_order;
DROP INDEX IF EXISTS outbox_unpublished;
ALTER TABLE outbox DROP CONSTRAINT IF EXISTS outbox_published_entries_have_no_lease;
ALTER TABLE outbox DROP COLUMN IF EXISTS leased_until;
CREATE INDEX outbox_unpublished ON outbox (sequence, (get_byte(uuid_send(order_id), 15) & 15))
    WHERE published_at IS NULL;
