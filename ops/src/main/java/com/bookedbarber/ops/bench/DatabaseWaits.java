package com.bookedbarber.ops.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * What PostgreSQL's client backends were doing while a step ran: every 10 ms, the wait event of
 * each active backend ({@code pg_stat_activity}), counted. A backend with no wait event is on a
 * CPU or waiting for one. It shows whether a step's tail was spent in the database and on what
 * (flushing the WAL, a lock, the CPU) without attaching anything to the processes measured; the
 * sampling query itself costs PostgreSQL about 100 cheap queries a second.
 */
final class DatabaseWaits implements AutoCloseable {
    private static final long EVERY = TimeUnit.MILLISECONDS.toNanos(10);
    private static final String ACTIVE = "SELECT coalesce(wait_event_type || ': ' || wait_event, 'CPU (running or runnable)') "
            + "FROM pg_stat_activity WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid()";

    private final String url;
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final Thread thread = new Thread(this::run, "database-waits");
    private volatile boolean running = true;
    private volatile long samples;

    DatabaseWaits(String url) {
        this.url = url;
        thread.setDaemon(true);
        thread.start();
    }

    /** The average number of active backends and the share of each wait, largest first. */
    String summary() {
        long total = seen.values().stream().mapToLong(Long::longValue).sum();
        if (samples == 0 || total == 0) {
            return "PostgreSQL's client backends meanwhile: no active backend sampled";
        }
        String shares = seen.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .map(e -> String.format("%s %.0f%%", e.getKey(), 100.0 * e.getValue() / total))
                .collect(Collectors.joining(", "));
        return String.format("PostgreSQL's client backends meanwhile (%d samples, %.2f active on average): %s",
                samples, total / (double) samples, shares);
    }

    private void run() {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement active = c.prepareStatement(ACTIVE)) {
            while (running) {
                try (ResultSet r = active.executeQuery()) {
                    while (r.next()) {
                        seen.merge(r.getString(1), 1L, Long::sum);
                    }
                }
                samples++;
                LockSupport.parkNanos(EVERY);
            }
        } catch (SQLException e) {
            if (running) {
                System.err.println("database-waits: sampling stopped: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(5));
    }
}
