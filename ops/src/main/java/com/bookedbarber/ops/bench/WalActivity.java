package com.bookedbarber.ops.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a step wrote to PostgreSQL's WAL ({@code pg_stat_wal}, read before and after): bytes,
 * full-page images and flushes. After a checkpoint begins, the first change to each page writes
 * the whole 8 kB page to the WAL again, so a step that overlaps the start of a checkpoint shows
 * thousands of full-page images where a step between checkpoints shows none, and its commits
 * wait on the larger WAL (ops/PERFORMANCE.md, "Random ids and the checkpoint's full-page images").
 */
final class WalActivity {
    private static final String READ = "SELECT wal_fpi, wal_bytes::bigint, wal_sync FROM pg_stat_wal";

    private final String url;
    private final long fullPages;
    private final long bytes;
    private final long syncs;

    private WalActivity(String url, long fullPages, long bytes, long syncs) {
        this.url = url;
        this.fullPages = fullPages;
        this.bytes = bytes;
        this.syncs = syncs;
    }

    /** The counters now. */
    static WalActivity since(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(READ)) {
            r.next();
            return new WalActivity(url, r.getLong(1), r.getLong(2), r.getLong(3));
        }
    }

    /** The WAL written since {@link #since} (the step and its lead-in). */
    String summary() throws SQLException {
        WalActivity now = since(url);
        return String.format("WAL meanwhile (with the lead-in): %.1f MB, %,d full-page images, %,d flushes",
                (now.bytes - bytes) / 1e6, now.fullPages - fullPages, now.syncs - syncs);
    }
}
