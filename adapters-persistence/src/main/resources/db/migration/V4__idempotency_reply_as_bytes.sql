-- An idempotency key keeps the reply of its first request as the adapter that answered encoded it: opaque
-- bytes, read back unchanged. Rows written before hold the REST adapter's reply as status, headers and
-- body; they become that adapter's encoding of the same reply, the UTF-8 JSON object
-- {"status": <int>, "headers": {<name>: <value>}, "body": "<text>"}.
ALTER TABLE idempotency_keys ADD COLUMN response bytea;

UPDATE idempotency_keys
SET response = convert_to(jsonb_build_object('status', response_status, 'headers', response_headers,
                                             'body', response_body)::text, 'UTF8')
WHERE response_status IS NOT NULL;

ALTER TABLE idempotency_keys
    DROP CONSTRAINT idempotency_keys_response_complete,
    DROP COLUMN response_status,
    DROP COLUMN response_headers,
    DROP COLUMN response_body;
