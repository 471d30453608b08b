-- The relay polls instead of LISTENing. A transaction that has issued NOTIFY takes one
-- database-wide lock at commit and holds it through its WAL flush, so every booking's commit
-- queued behind every other's (no group commit): it cost half the booking throughput and most
-- of its p99 under load. An idle poll of the partial index every few tens of milliseconds is cheaper.
DROP TRIGGER outbox_notify ON outbox;
DROP FUNCTION outbox_notify();
