-- A claim only sets leased_until, which no index covers: with free room on the page PostgreSQL updates the
-- row in place (a HOT update) instead of adding an entry to every index for each claim.
ALTER TABLE outbox SET (fillfactor = 70);
