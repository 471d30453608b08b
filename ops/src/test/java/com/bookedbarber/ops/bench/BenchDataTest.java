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
}
