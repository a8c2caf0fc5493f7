-- orderflow schema, version 1. A shipped migration is never edited: change the schema in a new V<n> file
-- (MigrationChecksumsTest fails otherwise).

-- Current state of each order. Columns mirror the domain's records: the details fixed at placement, then
-- the fields of the state the order is in (NULL where that state has no such field).
CREATE TABLE orders (
    id                  uuid        PRIMARY KEY,
    version             bigint      NOT NULL CHECK (version >= 1),
    status              text        NOT NULL
        CHECK (status IN ('PENDING', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
    customer_id         text        NOT NULL CHECK (char_length(customer_id) BETWEEN 1 AND 64),
    -- one currency per order: the lines' unit prices and the total are in it
    currency            char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    total_minor         bigint      NOT NULL CHECK (total_minor >= 0),
    ship_recipient      text        NOT NULL CHECK (char_length(ship_recipient) BETWEEN 1 AND 200),
    ship_line1          text        NOT NULL CHECK (char_length(ship_line1) BETWEEN 1 AND 200),
    ship_line2          text        NOT NULL CHECK (char_length(ship_line2) <= 200),
    ship_postal_code    text        NOT NULL CHECK (char_length(ship_postal_code) BETWEEN 1 AND 16),
    ship_city           text        NOT NULL CHECK (char_length(ship_city) BETWEEN 1 AND 200),
    ship_region         text        NOT NULL CHECK (char_length(ship_region) <= 200),
    ship_country        char(2)     NOT NULL CHECK (ship_country ~ '^[A-Z]{2}$'),
    placed_at           timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    confirmed_at        timestamptz,
    shipped_at          timestamptz,
    carrier             text        CHECK (char_length(carrier) BETWEEN 1 AND 64),
    tracking_number     text        CHECK (char_length(tracking_number) BETWEEN 1 AND 64),
    delivered_at        timestamptz,
    cancelled_from      text        CHECK (cancelled_from IN ('PENDING', 'CONFIRMED')),
    cancelled_at        timestamptz,
    cancellation_reason text        CHECK (char_length(cancellation_reason) BETWEEN 1 AND 500),
    CONSTRAINT orders_state_fields CHECK (CASE status
        WHEN 'PENDING' THEN num_nonnulls(confirmed_at, shipped_at, carrier, tracking_number, delivered_at,
                                         cancelled_from, cancelled_at, cancellation_reason) = 0
        WHEN 'CONFIRMED' THEN confirmed_at IS NOT NULL
            AND num_nonnulls(shipped_at, carrier, tracking_number, delivered_at, cancelled_from, cancelled_at,
                             cancellation_reason) = 0
        WHEN 'SHIPPED' THEN num_nonnulls(confirmed_at, shipped_at, carrier, tracking_number) = 4
            AND num_nonnulls(delivered_at, cancelled_from, cancelled_at, cancellation_reason) = 0
        WHEN 'DELIVERED' THEN num_nonnulls(confirmed_at, shipped_at, carrier, tracking_number, delivered_at) = 5
            AND num_nonnulls(cancelled_from, cancelled_at, cancellation_reason) = 0
        WHEN 'CANCELLED' THEN num_nonnulls(cancelled_from, cancelled_at, cancellation_reason) = 3
            AND num_nonnulls(confirmed_at, shipped_at, carrier, tracking_number, delivered_at) = 0
    END)
);

-- Keyset listing, newest first: all orders, by customer, by status.
CREATE INDEX orders_by_placement ON orders (placed_at DESC, id DESC);
CREATE INDEX orders_by_customer ON orders (customer_id, placed_at DESC, id DESC);
CREATE INDEX orders_by_status ON orders (status, placed_at DESC, id DESC);

-- The lines of an order, fixed at placement, in their order.
CREATE TABLE order_lines (
    order_id         uuid    NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no          integer NOT NULL CHECK (line_no BETWEEN 1 AND 100),
    sku              text    NOT NULL CHECK (char_length(sku) BETWEEN 1 AND 64),
    quantity         integer NOT NULL CHECK (quantity BETWEEN 1 AND 10000),
    unit_price_minor bigint  NOT NULL CHECK (unit_price_minor >= 0),
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_lines_one_line_per_sku UNIQUE (order_id, sku)
);

-- Every order's history, one event per version: the primary key is what stops two writers from both
-- appending version N. The payload holds what the columns do not (the actor and the event's own fields).
CREATE TABLE order_events (
    order_id    uuid        NOT NULL,
    version     bigint      NOT NULL CHECK (version >= 1),
    event_type  text        NOT NULL
        CHECK (event_type IN ('OrderPlaced', 'OrderConfirmed', 'OrderShipped', 'OrderDelivered', 'OrderCancelled')),
    occurred_at timestamptz NOT NULL,
    payload     jsonb       NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
    PRIMARY KEY (order_id, version)
);

-- Events waiting for publication, recorded in the transaction that caused them. The sequence orders them
-- but may have gaps; a claim leases entries until leased_until.
CREATE TABLE outbox (
    sequence     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id     uuid        NOT NULL,
    version      bigint      NOT NULL CHECK (version >= 1),
    event_type   text        NOT NULL
        CHECK (event_type IN ('OrderPlaced', 'OrderConfirmed', 'OrderShipped', 'OrderDelivered', 'OrderCancelled')),
    occurred_at  timestamptz NOT NULL,
    payload      jsonb       NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
    leased_until timestamptz,
    published_at timestamptz,
    CONSTRAINT outbox_published_entries_have_no_lease CHECK (published_at IS NULL OR leased_until IS NULL)
);

-- Claims scan the unpublished entries in sequence order and look up earlier unpublished entries of the
-- same order; retention deletes by publication time. Published rows leave the partial indexes.
CREATE INDEX outbox_unpublished ON outbox (sequence) WHERE published_at IS NULL;
CREATE INDEX outbox_unpublished_by_order ON outbox (order_id, sequence) WHERE published_at IS NULL;
CREATE INDEX outbox_published ON outbox (published_at) WHERE published_at IS NOT NULL;

-- Idempotency keys: the request fingerprint that claimed each, and the response once it finished.
CREATE TABLE idempotency_keys (
    key              text        PRIMARY KEY CHECK (key ~ '^[\x21-\x7E]{1,255}$'),
    fingerprint      text        NOT NULL CHECK (char_length(fingerprint) BETWEEN 1 AND 200),
    claimed_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    response_status  integer     CHECK (response_status BETWEEN 100 AND 599),
    response_headers jsonb       CHECK (jsonb_typeof(response_headers) = 'object'),
    response_body    text,
    CONSTRAINT idempotency_keys_response_complete
        CHECK (num_nulls(response_status, response_headers, response_body) IN (0, 3))
);

CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);

-- Messages each consumer has handled.
CREATE TABLE inbox (
    consumer    text        NOT NULL CHECK (char_length(consumer) BETWEEN 1 AND 200),
    message_id  text        NOT NULL CHECK (char_length(message_id) BETWEEN 1 AND 1000),
    received_at timestamptz NOT NULL,
    outcome     text        NOT NULL DEFAULT '',
    PRIMARY KEY (consumer, message_id)
);

CREATE INDEX inbox_received ON inbox (received_at);
