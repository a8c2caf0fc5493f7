-- Relays no longer lease each entry: a relay takes an advisory lock on the outbox for one transaction in which it
-- reads a batch, publishes it and marks it published (OutboxRows). Leasing wrote every entry twice (the lease,
-- then the publication) and looked up each entry's earlier entries through an index by order; the lease and
-- that index go.
DROP INDEX IF EXISTS outbox_unpublished_by_order;
ALTER TABLE outbox DROP CONSTRAINT IF EXISTS outbox_published_entries_have_no_lease;
ALTER TABLE outbox DROP COLUMN IF EXISTS leased_until;
