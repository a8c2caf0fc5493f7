-- Relays no longer lease each entry: a relay holds shards of the outbox under transaction-level advisory locks
-- while it reads a batch, publishes it and marks it published, all in one transaction (OutboxRows). An entry's
-- shard is the low four bits of its order id's last byte, so an order's entries all lie in one shard and no two
-- relays hold them at once. Leasing wrote every entry twice (the lease, then the publication) and looked up each
-- entry's earlier entries through an index by order; the lease and that index go. A relay reads each of its
-- shards' oldest unpublished entries through the new index by shard; outbox_unpublished stays for the oldest
-- entry of all (where a relay starts) and the backlog.
DROP INDEX IF EXISTS outbox_unpublished_by_order;
ALTER TABLE outbox DROP CONSTRAINT IF EXISTS outbox_published_entries_have_no_lease;
ALTER TABLE outbox DROP COLUMN IF EXISTS leased_until;
CREATE INDEX IF NOT EXISTS outbox_unpublished_by_shard ON outbox ((get_byte(uuid_send(order_id), 15) & 15), sequence)
    WHERE published_at IS NULL;
