-- The outbox holds each event's JSON as the codec wrote it (json keeps the text, jsonb parses it into a binary
-- form): appending only validates it, claiming sends it back without printing it anew, and what the relay
-- reads is byte for byte the JSON that was written. The outbox is a queue that no query looks into; the event
-- log, which is kept, stays jsonb.
ALTER TABLE outbox DROP CONSTRAINT outbox_payload_check;
ALTER TABLE outbox ALTER COLUMN payload TYPE json USING payload::json;
ALTER TABLE outbox ADD CONSTRAINT outbox_payload_check CHECK (json_typeof(payload) = 'object');
