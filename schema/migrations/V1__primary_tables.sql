-- Primary (write-side) tables: identity, the shop catalogue and appointments.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE users (
    id            uuid PRIMARY KEY,
    email         text NOT NULL CHECK (char_length(email) BETWEEN 3 AND 200),
    name          text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    phone         text CHECK (char_length(phone) <= 40),
    -- NULL for accounts that cannot log in with a password (not yet activated)
    password_hash text,
    created_at    timestamptz NOT NULL DEFAULT now()
);
-- e-mail identity is case-insensitive
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE locations (
    id                  uuid PRIMARY KEY,
    name                text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    slug                text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(slug) <= 100),
    timezone            text NOT NULL,
    currency            char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    min_lead_minutes    integer NOT NULL DEFAULT 15 CHECK (min_lead_minutes >= 0),
    max_advance_days    integer NOT NULL DEFAULT 30 CHECK (max_advance_days BETWEEN 1 AND 730),
    slot_minutes        integer NOT NULL DEFAULT 30 CHECK (slot_minutes BETWEEN 5 AND 240),
    full_refund_hours   integer NOT NULL DEFAULT 24 CHECK (full_refund_hours >= 0),
    late_refund_percent integer NOT NULL DEFAULT 50 CHECK (late_refund_percent BETWEEN 0 AND 100),
    created_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE location_members (
    location_id     uuid NOT NULL REFERENCES locations (id),
    user_id         uuid NOT NULL REFERENCES users (id),
    role            text NOT NULL CHECK (role IN ('owner', 'manager', 'barber', 'receptionist')),
    -- share of the service price kept by the platform; only meaningful for barbers
    commission_rate numeric(5, 4) NOT NULL DEFAULT 0.2000 CHECK (commission_rate BETWEEN 0 AND 1),
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (location_id, user_id)
);
-- "which locations is this user a member of" (every authorization check)
CREATE INDEX location_members_user_idx ON location_members (user_id);

CREATE TABLE services (
    id               uuid PRIMARY KEY,
    location_id      uuid NOT NULL REFERENCES locations (id),
    name             text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    price_cents      bigint NOT NULL CHECK (price_cents >= 0),
    buffer_minutes   integer NOT NULL DEFAULT 0 CHECK (buffer_minutes BETWEEN 0 AND 120),
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX services_location_idx ON services (location_id);

-- Weekly working windows in the location's wall time; several per day are allowed.
CREATE TABLE barber_hours (
    location_id uuid NOT NULL,
    barber_id   uuid NOT NULL,
    day_of_week smallint NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    start_local time NOT NULL,
    end_local   time NOT NULL,
    PRIMARY KEY (location_id, barber_id, day_of_week, start_local),
    FOREIGN KEY (location_id, barber_id) REFERENCES location_members (location_id, user_id) ON DELETE CASCADE,
    CHECK (start_local < end_local)
);

CREATE TABLE barber_time_off (
    id          uuid PRIMARY KEY,
    location_id uuid NOT NULL,
    barber_id   uuid NOT NULL,
    start_time  timestamptz NOT NULL,
    end_time    timestamptz NOT NULL,
    reason      text CHECK (char_length(reason) <= 2000),
    created_at  timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (location_id, barber_id) REFERENCES location_members (location_id, user_id) ON DELETE CASCADE,
    CHECK (start_time < end_time)
);
-- availability: the time off of a barber that overlaps one day
CREATE INDEX barber_time_off_barber_range_idx ON barber_time_off USING gist (barber_id, tstzrange(start_time, end_time));

CREATE TABLE appointments (
    id                uuid PRIMARY KEY,
    location_id       uuid NOT NULL REFERENCES locations (id),
    barber_id         uuid NOT NULL,
    service_id        uuid NOT NULL REFERENCES services (id),
    client_id         uuid REFERENCES users (id),
    guest_name        text CHECK (char_length(guest_name) <= 200),
    guest_email       text CHECK (char_length(guest_email) <= 200),
    guest_phone       text CHECK (char_length(guest_phone) <= 40),
    start_time        timestamptz NOT NULL,
    end_time          timestamptz NOT NULL,
    -- end_time plus the service's buffer: the chair is blocked until then
    blocked_until     timestamptz NOT NULL,
    status            text NOT NULL CHECK (status IN ('confirmed', 'completed', 'cancelled', 'no_show')),
    price_cents       bigint NOT NULL CHECK (price_cents >= 0),
    currency          char(3) NOT NULL,
    notes             text CHECK (char_length(notes) <= 2000),
    confirmation_code char(8) NOT NULL UNIQUE CHECK (confirmation_code ~ '^[A-Z0-9]{8}$'),
    version           integer NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (location_id, barber_id) REFERENCES location_members (location_id, user_id),
    CHECK (start_time < end_time AND end_time <= blocked_until),
    -- The chair invariant: a barber's confirmed or completed appointments (buffers included)
    -- never overlap. Cancelled and no-show appointments free the chair.
    CONSTRAINT appointments_no_overlap EXCLUDE USING gist (
        barber_id WITH =,
        tstzrange(start_time, blocked_until, '[)') WITH &&
    ) WHERE (status IN ('confirmed', 'completed'))
);
-- listing a location's appointments by time (staff calendar, cursor pagination)
CREATE INDEX appointments_location_start_idx ON appointments (location_id, start_time, id);
-- a client's own appointments
CREATE INDEX appointments_client_start_idx ON appointments (client_id, start_time) WHERE client_id IS NOT NULL;
-- Note: a barber's active appointments over a day are served by the exclusion constraint's
-- gist index (barber_id, tstzrange) with the same predicate, so no extra index is needed.
