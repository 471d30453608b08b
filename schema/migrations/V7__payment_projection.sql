-- The projection's memory of each payment: the last applied aggregate_version, so that a stale or
-- duplicated payment event changes nothing in daily_revenue.
CREATE TABLE projection_payments (
    payment_id        uuid PRIMARY KEY,
    location_id       uuid NOT NULL,
    aggregate_version bigint NOT NULL
);
