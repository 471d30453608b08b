package com.bookedbarber.ops.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The same owner question, daily revenue of a location over 90 days, answered from the projection
 * (what the API reads) and by aggregating the primary tables (what the seed system did), at 10
 * thousand and at 1 million appointments of one location. Seeds with set-based SQL into a fresh
 * location, fills the projection with the same figures the worker would have written (checked
 * against the aggregate before timing), then times each query in one JVM over JDBC.
 */
public final class AnalyticsScaleBenchmark {
    private static final int BARBERS = 100;
    /** More than enough numbers for the codes a run's bookings may already hold (a handful at most). */
    private static final int CODES_SPARE = 1000;
    private static final LocalDate FIRST_DAY = LocalDate.parse("2027-01-01");

    public static void main(String[] args) throws Exception {
        String db = System.getProperty("db", "jdbc:postgresql://localhost:15432/postgres?user=postgres");
        int iterations = Integer.getInteger("iterations", 200);
        System.out.println("| appointments | projection p50 ms | projection p99 ms | primary aggregate p50 ms "
                + "| primary aggregate p99 ms | aggregate / projection (p50) |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
        try (Connection c = DriverManager.getConnection(db)) {
            // confirmation codes are unique database-wide: each run gets its own first letter (not a hex digit)
            char prefix = 'G';
            for (String size : System.getProperty("sizes", "10000,1000000").split(",")) {
                int n = Integer.parseInt(size.trim());
                UUID location = seed(c, n, prefix++);
                Histogram projection = time(c, PROJECTION, location, iterations);
                Histogram aggregate = time(c, AGGREGATE, location, Math.max(5, iterations / 10));
                System.out.printf("| %,d | %.2f | %.2f | %.1f | %.1f | %.0fx |%n", n, ms(projection, 50), ms(projection, 99),
                        ms(aggregate, 50), ms(aggregate, 99), ms(aggregate, 50) / ms(projection, 50));
            }
        }
    }

    private static final String PROJECTION = "SELECT local_date, gross_cents, refunded_cents, payments, refunds "
            + "FROM daily_revenue WHERE location_id = ? AND currency = 'USD' AND local_date BETWEEN ? AND ? "
            + "ORDER BY local_date";

    private static final String AGGREGATE = "SELECT (p.completed_at AT TIME ZONE l.timezone)::date AS local_date, "
            + "sum(p.amount_cents), count(*) FROM payments p JOIN locations l ON l.id = p.location_id "
            + "WHERE p.location_id = ? AND p.completed_at IS NOT NULL "
            + "AND (p.completed_at AT TIME ZONE l.timezone)::date BETWEEN ? AND ? GROUP BY 1 ORDER BY 1";

    private static Histogram time(Connection c, String sql, UUID location, int iterations) throws Exception {
        Histogram h = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, location);
            s.setObject(2, FIRST_DAY.plusDays(30));
            s.setObject(3, FIRST_DAY.plusDays(119));
            for (int i = 0; i < iterations + 5; i++) {
                long start = System.nanoTime();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(2);
                    }
                }
                if (i >= 5) { // the first runs warm caches and plans
                    h.recordValue(System.nanoTime() - start);
                }
            }
        }
        return h;
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e6;
    }

    /** A location with n appointments over ~a year (100 barbers, back to back) each paid in cash. */
    private static UUID seed(Connection c, int n, char prefix) throws Exception {
        UUID location = UUID.randomUUID();
        UUID service = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO locations (id, name, slug, timezone, currency) VALUES ('" + location
                    + "', 'Scale', 'scale-" + location + "', 'America/Chicago', 'USD')");
            s.execute("INSERT INTO users (id, email, name) VALUES ('" + owner + "', 'scale-" + owner + "@bench.test', 'O')");
            s.execute("INSERT INTO services (id, location_id, name, duration_minutes, price_cents, buffer_minutes) "
                    + "VALUES ('" + service + "', '" + location + "', 'Cut', 30, 3000, 0)");
            s.execute("CREATE TEMP TABLE scale_barbers ON COMMIT DROP AS SELECT gen_random_uuid() AS id, b "
                    + "FROM generate_series(0, " + (BARBERS - 1) + ") b");
            s.execute("INSERT INTO users (id, email, name) SELECT id, 'scale-' || id || '@bench.test', 'B' FROM scale_barbers");
            s.execute("INSERT INTO location_members (location_id, user_id, role) SELECT '" + location
                    + "', id, 'barber' FROM scale_barbers");
            // appointment i: barber i % 100, slot i / 100 (30 minutes each, 08:00-20:00 local, every
            // day), code prefix + i in hex; an i whose code a booking already drew at random is
            // skipped (the codes share the service's A-Z0-9 space), and the next ones take its place
            s.execute("CREATE TEMP TABLE scale_appointments ON COMMIT DROP AS SELECT gen_random_uuid() AS id, b.id AS barber, "
                    + "(timestamp '" + FIRST_DAY + " 08:00' + ((i / " + BARBERS + ") / 24) * interval '1 day' "
                    + "+ ((i / " + BARBERS + ") % 24) * interval '30 minutes') AT TIME ZONE 'America/Chicago' AS start_time, "
                    + "code, i FROM (SELECT i, code FROM (SELECT i, '" + prefix + "' || upper(lpad(to_hex(i), 7, '0')) "
                    + "AS code FROM generate_series(0, " + (n - 1 + CODES_SPARE) + ") i) c "
                    + "WHERE NOT EXISTS (SELECT 1 FROM appointments a WHERE a.confirmation_code = c.code) "
                    + "ORDER BY i LIMIT " + n + ") g JOIN scale_barbers b ON b.b = g.i % " + BARBERS);
            s.execute("INSERT INTO appointments (id, location_id, barber_id, service_id, start_time, end_time, "
                    + "blocked_until, status, price_cents, currency, confirmation_code, version) "
                    + "SELECT id, '" + location + "', barber, '" + service + "', start_time, start_time + interval '30 minutes', "
                    + "start_time + interval '30 minutes', 'completed', 3000, 'USD', "
                    + "code, 1 FROM scale_appointments");
            s.execute("INSERT INTO payments (id, appointment_id, location_id, barber_id, payer_id, created_by, method, status, "
                    + "amount_cents, tip_cents, currency, platform_fee_cents, barber_amount_cents, completed_at, created_at, "
                    + "updated_at) SELECT gen_random_uuid(), id, '" + location + "', barber, NULL, '" + owner + "', 'cash', "
                    + "'completed', 3500, 500, 'USD', 600, 2900, start_time + interval '30 minutes', start_time, start_time "
                    + "FROM scale_appointments");
            // the projection the worker would have written, from the same rows
            s.execute("INSERT INTO daily_revenue (location_id, local_date, currency, gross_cents, payments) "
                    + "SELECT location_id, (completed_at AT TIME ZONE 'America/Chicago')::date, currency, sum(amount_cents), "
                    + "count(*) FROM payments WHERE location_id = '" + location + "' GROUP BY 1, 2, 3");
        }
        c.commit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE appointments");
            s.execute("ANALYZE payments");
            s.execute("ANALYZE daily_revenue");
        }
        return location;
    }
}
