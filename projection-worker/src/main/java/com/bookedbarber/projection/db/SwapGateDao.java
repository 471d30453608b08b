package com.bookedbarber.projection.db;

import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Orders the rebuild's swap against the live worker. Every transaction that writes the live
 * projection first takes a shared transaction-level advisory lock; the swap takes it exclusively
 * before locking the tables. So the swap waits for the batches in flight and new batches wait
 * before touching any table: the two can never hold table locks the other needs (a deadlock
 * PostgreSQL would otherwise break by failing the swap).
 */
public interface SwapGateDao {
    /** Any constant of our own; advisory lock keys are shared by every client of the database. */
    long KEY = 0x6262_7377_6170L; // "bbswap"

    @SqlQuery("SELECT 1 FROM pg_advisory_xact_lock_shared(" + KEY + ")")
    int enterAsWriter();

    @SqlQuery("SELECT 1 FROM pg_advisory_xact_lock(" + KEY + ")")
    int enterAsSwap();
}
