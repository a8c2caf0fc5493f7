-- The trace context of the change that recorded an outbox entry (W3C trace context headers such as
-- traceparent, as a JSON object), for the relay to continue that trace when it publishes the entry; NULL when
-- the change ran outside a trace. A nullable column without a default: adding it rewrites no row.
ALTER TABLE outbox ADD COLUMN trace_context jsonb
    CHECK (trace_context IS NULL OR jsonb_typeof(trace_context) = 'object');
