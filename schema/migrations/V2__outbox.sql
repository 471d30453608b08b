-- Transactional outbox: every state change writes its event here in the same transaction;
-- the relay in command-service publishes unpublished rows to Kafka.
CREATE TABLE outbox (
    id                bigserial PRIMARY KEY,
    event_id          uuid NOT NULL UNIQUE,
    topic             text NOT NULL,
    aggregate_id      uuid NOT NULL,
    aggregate_version bigint NOT NULL,
    event_type        text NOT NULL,
    location_id       uuid NOT NULL,
    occurred_at       timestamptz NOT NULL,
    -- the complete event envelope as published (JSON text, byte-for-byte)
    envelope          text NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    published_at      timestamptz,
    UNIQUE (aggregate_id, aggregate_version)
);
-- The relay's only query: unpublished rows in insertion order. It selects by "published_at IS
-- NULL", never by "id > last seen id": ids are drawn before commit, so a row with a smaller id
-- can become visible after a larger one.
CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL;
-- retention cleanup of published rows
CREATE INDEX outbox_published_at_idx ON outbox (published_at) WHERE published_at IS NOT NULL;

-- Wake the relay as soon as a transaction that wrote events commits (NOTIFY is delivered at commit).
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox', '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
