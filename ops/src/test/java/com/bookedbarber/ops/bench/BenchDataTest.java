package com.bookedbarber.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookedbarber.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class BenchDataTest {
    /** The current WAL segment's number: its file name's last 16 hex digits (log and segment). */
    private static final String SEGMENT_NUMBER =
            "SELECT ('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 9))::bit(64)::bigint";

    @Test
    void leavesTheAskedSegmentsReadyAheadOfTheInsertPosition() throws Exception {
        try (TestDatabase db = TestDatabase.createEmpty()) {
            long before = db.count(SEGMENT_NUMBER);

            new BenchData(db.jdbcUrl()).recycleWalAhead(6);

            // six switches moved the insert position on by six segments, and the checkpoint left
            // at least that many written segments ahead of it to be reused
            assertThat(db.count(SEGMENT_NUMBER) - before).isGreaterThanOrEqualTo(6);
            assertThat(db.count("SELECT count(*) FROM pg_ls_waldir() WHERE name ~ '^[0-9A-F]{24}$' "
                    + "AND name > pg_walfile_name(pg_current_wal_lsn())")).isGreaterThanOrEqualTo(6);
        }
    }

    @Test
    void vacuumLeavesNoDeadRowsForAutovacuumToCollect() throws Exception {
        try (TestDatabase db = TestDatabase.createEmpty()) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE written (id int PRIMARY KEY, n int)");
                s.execute("INSERT INTO written SELECT i, 0 FROM generate_series(1, 5000) i");
                s.execute("UPDATE written SET n = 1");
            }

            new BenchData(db.jdbcUrl()).vacuum();

            assertThat(db.count("SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = 'written'")).isZero();
            assertThat(db.count("SELECT vacuum_count + analyze_count FROM pg_stat_user_tables "
                    + "WHERE relname = 'written'")).isEqualTo(2);
        }
    }

    @Test
    void projectionLagSplitsAtTheRelaysMarkAndCountsOnlyTheShopsEvents() throws Exception {
        try (TestDatabase db = TestDatabase.createMigrated()) {
            BenchData data = new BenchData(db.jdbcUrl());
            BenchData.Shop shop = data.seed("lagging");
            BenchData.Shop other = data.seed("elsewhere");
            data.bookOverJdbc(shop);
            data.bookOverJdbc(other);
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                // committed at t, marked published 30 ms later, applied 120 ms after that
                s.execute("UPDATE outbox SET created_at = '2026-01-01T10:00:00Z', "
                        + "published_at = '2026-01-01T10:00:00.030Z'");
                s.execute("INSERT INTO projection_applied_events (event_id, applied_at) "
                        + "SELECT event_id, '2026-01-01T10:00:00.150Z' FROM outbox");
            }

            BenchData.ProjectionLags lags = data.projectionLags(shop);

            assertThat(lags.whole().getTotalCount()).isEqualTo(1);
            assertThat(lags.whole().getMaxValue() / 1_000_000).isEqualTo(150);
            assertThat(lags.relay().getMaxValue() / 1_000_000).isEqualTo(30);
            assertThat(lags.downstream().getMaxValue() / 1_000_000).isEqualTo(120);
        }
    }

    @Test
    void rawJdbcBookingsShareKeptConnectionsAndAFailedOneLeavesNothingBehind() throws Exception {
        try (TestDatabase db = TestDatabase.createMigrated()) {
            BenchData data = new BenchData(db.jdbcUrl());
            BenchData.Shop shop = data.seed("pooled");
            long connectionsBefore = clientBackends(db);

            // from the 20th on, every tenth slot is one taken five bookings before (BenchData.nextSlot): 2 in 30
            int booked = 0;
            int conflicts = 0;
            for (int i = 0; i < 30; i++) {
                LoadRunner.Outcome outcome = i % 2 == 0 ? data.bookOverJdbc(shop) : data.bookWithServiceStatement(shop);
                booked += outcome == LoadRunner.Outcome.OK ? 1 : 0;
                conflicts += outcome == LoadRunner.Outcome.CONFLICT ? 1 : 0;
            }

            assertThat(booked).isEqualTo(28);
            assertThat(conflicts).isEqualTo(2);
            assertThat(db.count("SELECT count(*) FROM appointments WHERE location_id = '" + shop.location() + "'"))
                    .isEqualTo(28);
            assertThat(db.count("SELECT count(*) FROM outbox WHERE location_id = '" + shop.location() + "'"))
                    .isEqualTo(28);
            // one thread, one kept connection, idle (the failed insert's transaction rolled back)
            assertThat(clientBackends(db))
                    .isEqualTo(connectionsBefore + 1);
            assertThat(db.count("SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'"))
                    .isZero();
        }
    }

    @Test
    void rawJdbcBookingsFrom64ThreadsUseNoMoreConnectionsThanTheApisPool() throws Exception {
        try (TestDatabase db = TestDatabase.createMigrated()) {
            BenchData data = new BenchData(db.jdbcUrl());
            BenchData.Shop shop = data.seed("crowd");
            long connectionsBefore = clientBackends(db);

            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(64);
            java.util.List<java.util.concurrent.Future<LoadRunner.Outcome>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < 640; i++) {
                // the service's statement locks the barber's row first: conflicts queue, never deadlock
                outcomes.add(threads.submit(() -> data.bookWithServiceStatement(shop)));
            }
            for (java.util.concurrent.Future<LoadRunner.Outcome> outcome : outcomes) {
                assertThat(outcome.get()).isIn(LoadRunner.Outcome.OK, LoadRunner.Outcome.CONFLICT);
            }
            threads.shutdown();

            // the 64 threads queued for the pool's connections instead of opening 64 backends
            assertThat(BenchData.CONNECTIONS).as("fewer connections than threads").isLessThan(64);
            assertThat(clientBackends(db))
                    .isBetween(connectionsBefore + 1, connectionsBefore + BenchData.CONNECTIONS);
        }
    }

    private static long clientBackends(TestDatabase db) {
        return db.count("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'");
    }
}
