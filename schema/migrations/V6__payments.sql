-- Payments, refunds and processed card-provider webhooks.

CREATE TABLE payments (
    id                  uuid PRIMARY KEY,
    appointment_id      uuid NOT NULL REFERENCES appointments (id),
    location_id         uuid NOT NULL REFERENCES locations (id),
    barber_id           uuid NOT NULL REFERENCES users (id),
    -- the paying client (null for a guest booking), who sees it besides the staff
    payer_id            uuid REFERENCES users (id),
    created_by          uuid NOT NULL REFERENCES users (id),
    method              text NOT NULL CHECK (method IN ('card', 'cash')),
    status              text NOT NULL CHECK (status IN ('pending', 'completed', 'failed', 'partially_refunded',
                                                        'refunded', 'disputed')),
    amount_cents        bigint NOT NULL CHECK (amount_cents > 0),
    tip_cents           bigint NOT NULL CHECK (tip_cents >= 0 AND tip_cents <= amount_cents),
    currency            char(3) NOT NULL,
    platform_fee_cents  bigint NOT NULL CHECK (platform_fee_cents >= 0),
    barber_amount_cents bigint NOT NULL CHECK (barber_amount_cents >= 0),
    -- the sum of succeeded refunds; the database refuses anything above the amount
    refunded_cents      bigint NOT NULL DEFAULT 0 CHECK (refunded_cents BETWEEN 0 AND amount_cents),
    provider_intent_id  text UNIQUE,
    version             integer NOT NULL DEFAULT 1,
    completed_at        timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CHECK (platform_fee_cents + barber_amount_cents = amount_cents)
);
-- one live payment per appointment: a pending or successful one blocks a second; a failed one does not
CREATE UNIQUE INDEX payments_one_live_per_appointment ON payments (appointment_id) WHERE status <> 'failed';
-- the location's payment list in (created_at, id) order
CREATE INDEX payments_location_created_idx ON payments (location_id, created_at, id);
CREATE INDEX payments_payer_created_idx ON payments (payer_id, created_at, id);

CREATE TABLE refunds (
    id                 uuid PRIMARY KEY,
    payment_id         uuid NOT NULL REFERENCES payments (id),
    amount_cents       bigint NOT NULL CHECK (amount_cents > 0),
    -- pending: reserved against the refundable remainder, not yet confirmed by the provider
    status             text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    reason             text CHECK (char_length(reason) <= 2000),
    provider_refund_id text UNIQUE,
    requested_by       uuid REFERENCES users (id),
    attempts           integer NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX refunds_payment_idx ON refunds (payment_id);
-- the retrier's queue
CREATE INDEX refunds_pending_idx ON refunds (created_at) WHERE status = 'pending';

-- Each provider event is applied once: its id is inserted in the transaction of its effect.
CREATE TABLE provider_webhook_events (
    event_id    text PRIMARY KEY,
    event_type  text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
