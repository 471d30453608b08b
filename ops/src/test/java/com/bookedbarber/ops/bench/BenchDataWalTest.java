package com.bookedbarber.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookedbarber.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class BenchDataWalTest {
    private static final String SEGMENT = "name ~ '^[0-9A-F]{24}$'";

    @Test
    void leavesTheAskedSegmentsReadyAheadOfTheInsertPosition() throws Exception {
        try (TestDatabase db = TestDatabase.createEmpty(); Connection c = db.connect(); Statement s = c.createStatement()) {
            long before = segmentNumber(s);

            new BenchData(db.jdbcUrl()).recycleWalAhead(6);

            // six switches moved the insert position on by six segments, and the checkpoint left
            // at least that many written segments ahead of it to be reused
            assertThat(segmentNumber(s) - before).isGreaterThanOrEqualTo(6);
            assertThat(single(s, "SELECT count(*) FROM pg_ls_waldir() WHERE " + SEGMENT
                    + " AND name > pg_walfile_name(pg_current_wal_lsn())")).isGreaterThanOrEqualTo(6);
        }
    }

    /** The current WAL segment's number (its file name's last 16 hex digits: log and segment). */
    private static long segmentNumber(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT pg_walfile_name(pg_current_wal_lsn())")) {
            rs.next();
            return Long.parseUnsignedLong(rs.getString(1).substring(8), 16);
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
