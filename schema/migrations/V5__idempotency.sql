-- Idempotency keys of create requests: the first response is kept and replayed byte-for-byte for
-- the same caller, key and request; rows are deleted after the retention (24 h by default).
CREATE TABLE idempotency_keys (
    scope            text NOT NULL,          -- the caller: 'user:<id>' or 'anon'
    idempotency_key  text NOT NULL CHECK (char_length(idempotency_key) BETWEEN 1 AND 255),
    request_hash     bytea NOT NULL,         -- SHA-256 of method, path and body
    state            text NOT NULL CHECK (state IN ('in_flight', 'done')),
    response_status  integer,
    response_headers text,                   -- JSON object of the replayed headers
    response_body    bytea,
    created_at       timestamptz NOT NULL DEFAULT now(),
    completed_at     timestamptz,
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);
