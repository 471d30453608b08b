-- A per-location counter that moves with every batch applied to the location's projections: the
-- analytics cache keys on it, so a cached answer is never older than the projection (as_of alone
-- cannot serve: an event that occurred earlier may be applied later and leave as_of unchanged).
ALTER TABLE projection_locations ADD COLUMN version bigint NOT NULL DEFAULT 1;
