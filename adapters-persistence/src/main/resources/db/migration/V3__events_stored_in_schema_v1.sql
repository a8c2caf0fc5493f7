-- Events are stored in the one JSON of schema version 1 (module orderflow-events, EventCodec): the payload column
-- holds the whole event exactly as it is published to Kafka and listed over REST; order id, version, type and
-- time stay in their columns for keys, order and scans. Rows written before held only the actor and the event's
-- own fields, with money as minor units plus one currency: they are rewritten here. The type names are no longer
-- listed in CHECK constraints: the codec owns them.

-- An amount of minor units as the decimal string of the codec: the currency's minor digits as java.util.Currency
-- has them (MigrationV3IT checks every currency the JDK knows).
CREATE FUNCTION pg_temp.v3_amount(minor bigint, currency text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_object('amount', round(minor::numeric / power(10::numeric, digits), digits)::text,
                              'currency', currency)
    FROM (SELECT CASE
        WHEN currency IN ('ADP', 'BEF', 'BIF', 'BYB', 'BYR', 'CLP', 'DJF', 'ESP', 'GNF', 'GRD', 'ISK', 'ITL', 'JPY',
                          'KMF', 'KRW', 'LUF', 'MGF', 'PTE', 'PYG', 'ROL', 'RWF', 'TPE', 'TRL', 'UGX', 'UYI', 'VND',
                          'VUV', 'XAF', 'XOF', 'XPF') THEN 0
        WHEN currency IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND') THEN 3
        WHEN currency IN ('CLF') THEN 4
        ELSE 2 END AS digits) AS minor_digits
$$;

-- An instant as java.time.Instant prints it: no fraction, or 3 or 6 digits of it.
CREATE FUNCTION pg_temp.v3_instant(at timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') || CASE
        WHEN micros = 0 THEN ''
        WHEN micros % 1000 = 0 THEN '.' || lpad((micros / 1000)::text, 3, '0')
        ELSE '.' || lpad(micros::text, 6, '0') END || 'Z'
    FROM (SELECT extract(microseconds FROM at)::bigint % 1000000 AS micros) AS fraction
$$;

-- The version 1 JSON of an event stored before: the common members, the old members that keep their name
-- (actor, customerId, shippingAddress, carrier, trackingNumber, reason), and lines and total with money objects.
CREATE FUNCTION pg_temp.v3_payload(order_id uuid, version bigint, occurred_at timestamptz, old jsonb)
    RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_object('orderId', order_id::text, 'version', version,
                              'occurredAt', pg_temp.v3_instant(occurred_at))
        || (old - 'currency' - 'totalMinor' - 'lines')
        || CASE WHEN old ? 'totalMinor' THEN jsonb_build_object(
               'lines', (SELECT coalesce(jsonb_agg(jsonb_build_object('sku', line -> 'sku',
                                                                      'quantity', line -> 'quantity',
                                                                      'unitPrice', pg_temp.v3_amount(
                                                                          (line ->> 'unitPriceMinor')::bigint,
                                                                          old ->> 'currency'))
                                                   ORDER BY position), '[]'::jsonb)
                         FROM jsonb_array_elements(old -> 'lines') WITH ORDINALITY AS l(line, position)),
               'total', pg_temp.v3_amount((old ->> 'totalMinor')::bigint, old ->> 'currency'))
           ELSE '{}'::jsonb END
$$;

UPDATE order_events SET payload = pg_temp.v3_payload(order_id, version, occurred_at, payload)
WHERE NOT payload ? 'orderId';
UPDATE outbox SET payload = pg_temp.v3_payload(order_id, version, occurred_at, payload)
WHERE NOT payload ? 'orderId';

ALTER TABLE order_events DROP CONSTRAINT order_events_event_type_check;
ALTER TABLE outbox DROP CONSTRAINT outbox_event_type_check;
