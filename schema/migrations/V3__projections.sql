-- Read models maintained by projection-worker. Nothing here is written by command-service.

-- Bookings per location-local date and hour of the appointment's start; each appointment counts
-- in exactly one column, the one of its current status.
CREATE TABLE hourly_bookings (
    location_id uuid NOT NULL,
    local_date  date NOT NULL,
    local_hour  smallint NOT NULL CHECK (local_hour BETWEEN 0 AND 23),
    booked      integer NOT NULL DEFAULT 0 CHECK (booked >= 0),
    cancelled   integer NOT NULL DEFAULT 0 CHECK (cancelled >= 0),
    completed   integer NOT NULL DEFAULT 0 CHECK (completed >= 0),
    no_show     integer NOT NULL DEFAULT 0 CHECK (no_show >= 0),
    PRIMARY KEY (location_id, local_date, local_hour)
);

-- Revenue per location-local day and currency; net is derived (gross - refunded) when read.
CREATE TABLE daily_revenue (
    location_id    uuid NOT NULL,
    local_date     date NOT NULL,
    currency       char(3) NOT NULL,
    gross_cents    bigint NOT NULL DEFAULT 0,
    refunded_cents bigint NOT NULL DEFAULT 0,
    payments       integer NOT NULL DEFAULT 0,
    refunds        integer NOT NULL DEFAULT 0,
    PRIMARY KEY (location_id, local_date, currency)
);

-- The projection's memory of each appointment: where it is counted now, so that a status change
-- or a reschedule moves exactly that count, and the last applied aggregate_version, so that a
-- stale or duplicated event changes nothing.
CREATE TABLE projection_appointments (
    appointment_id    uuid PRIMARY KEY,
    location_id       uuid NOT NULL,
    local_date        date NOT NULL,
    local_hour        smallint NOT NULL,
    status            text NOT NULL,
    aggregate_version bigint NOT NULL
);

-- Freshness per location: occurred_at of the newest event applied to its projection.
CREATE TABLE projection_locations (
    location_id uuid PRIMARY KEY,
    as_of       timestamptz NOT NULL
);

-- Events already applied (deduplication by event_id).
CREATE TABLE projection_applied_events (
    event_id   uuid PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX projection_applied_events_applied_at_idx ON projection_applied_events (applied_at);

-- Consumed offsets, committed in the same transaction as the rows they produced. On partition
-- assignment the worker seeks to next_offset; Kafka's own group offsets are not used.
CREATE TABLE projection_offsets (
    consumer_group text NOT NULL,
    topic          text NOT NULL,
    partition      integer NOT NULL,
    next_offset    bigint NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, topic, partition)
);

-- Records the worker could not apply (unparseable, schema-violating): kept with the reason so
-- that the worker moves on instead of stalling, and an operator can inspect and replay them.
CREATE TABLE projection_dead_letters (
    id           bigserial PRIMARY KEY,
    topic        text NOT NULL,
    partition    integer NOT NULL,
    record_offset bigint NOT NULL,
    record_key   text,
    payload      bytea,
    reason       text NOT NULL,
    failed_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (topic, partition, record_offset)
);
