package com.bookedbarber.ops.bench;

import com.bookedbarber.api.events.EventType;
import com.bookedbarber.command.core.Appointment;
import com.bookedbarber.command.core.AppointmentStatus;
import com.bookedbarber.command.core.ConfirmationCodes;
import com.bookedbarber.command.core.EventFactory;
import com.bookedbarber.command.core.Ids;
import com.bookedbarber.command.core.OutboxEvent;
import com.bookedbarber.command.db.BookingDao;
import com.bookedbarber.ops.bench.LoadRunner.Outcome;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.tomcat.jdbc.pool.DataSource;
import org.apache.tomcat.jdbc.pool.PoolProperties;

/**
 * The benchmark's data over JDBC: shops seeded directly (fast, repeatable), the raw-JDBC booking
 * baseline, and the database-side checks between steps.
 */
final class BenchData {
    static final int BARBERS = 48;
    /** The command service's pool size in ops/run: DATABASE_POOL_SIZE, 8 unless set (ops/config/command-service.yml). */
    static final int CONNECTIONS = Integer.parseInt(System.getenv().getOrDefault("DATABASE_POOL_SIZE", "8"));
    static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));

    /** A location with its one 30-minute service and 48 barbers working around the clock. */
    record Shop(UUID location, UUID service, List<UUID> barbers, AtomicLong slots) {
    }

    private final String url;
    /**
     * The raw-JDBC bookings' connections, kept open across steps as the API's pool keeps its own.
     * Each load thread used to open its own, and every step starts new threads: on a slow
     * machine the 64 connections an open-loop step opened at once held its first two measured
     * seconds at a median of 0.4-0.8 s. As many as the API's pool holds, so both sides of a
     * comparison put the same number of backends on PostgreSQL's two cores and its WAL write
     * lock, and clients beyond them wait for a connection (ops/PERFORMANCE.md, "Pool size").
     */
    private final DataSource pool;

    BenchData(String url) {
        this.url = url;
        PoolProperties poolSettings = new PoolProperties();
        poolSettings.setUrl(url);
        poolSettings.setDriverClassName("org.postgresql.Driver");
        poolSettings.setDefaultAutoCommit(false);
        poolSettings.setMaxActive(CONNECTIONS);
        poolSettings.setMaxIdle(CONNECTIONS);
        poolSettings.setMinIdle(CONNECTIONS);
        poolSettings.setInitialSize(0);
        // a failed booking's transaction never reaches the next borrower
        poolSettings.setRollbackOnReturn(true);
        this.pool = new DataSource(poolSettings);
    }

    Shop seed(String name) throws SQLException {
        UUID location = UUID.randomUUID();
        UUID service = UUID.randomUUID();
        List<UUID> barbers = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url)) {
            exec(c, "INSERT INTO locations (id, name, slug, timezone, currency, min_lead_minutes, max_advance_days, "
                    + "slot_minutes) VALUES (?, ?, ?, 'UTC', 'USD', 0, 730, 30)", location, name, name + "-" + location);
            exec(c, "INSERT INTO services (id, location_id, name, duration_minutes, price_cents, buffer_minutes) "
                    + "VALUES (?, ?, 'Cut', 30, 3000, 0)", service, location);
            for (int i = 0; i < BARBERS; i++) {
                UUID barber = UUID.randomUUID();
                barbers.add(barber);
                exec(c, "INSERT INTO users (id, email, name) VALUES (?, ?, ?)", barber, barber + "@bench.test", "B" + i);
                exec(c, "INSERT INTO location_members (location_id, user_id, role) VALUES (?, ?, 'barber')", location, barber);
                for (int day = 1; day <= 7; day++) {
                    exec(c, "INSERT INTO barber_hours (location_id, barber_id, day_of_week, start_local, end_local) "
                            + "VALUES (?, ?, ?, '00:00', '23:59')", location, barber, day);
                }
            }
        }
        barbers.sort(null);
        return new Shop(location, service, barbers, new AtomicLong());
    }

    void makeOwner(Shop shop, UUID user) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            exec(c, "INSERT INTO location_members (location_id, user_id, role) VALUES (?, ?, 'owner')", shop.location(), user);
        }
    }

    /** The k-th booking of a shop: a new (barber, slot), except every tenth re-books an earlier one (409). */
    record Slot(UUID barber, Instant start) {
    }

    static Slot nextSlot(Shop shop) {
        long k = shop.slots().getAndIncrement();
        long slotNumber = k % 10 == 9 && k > 10 ? k - 5 : k;
        UUID barber = shop.barbers().get((int) (slotNumber % shop.barbers().size()));
        // hours are 00:00-23:59, so a day has 47 half-hour slots (23:30-00:00 would end outside them)
        long perBarber = slotNumber / shop.barbers().size();
        return new Slot(barber, BASE.plus(Duration.ofDays(perBarber / 47)).plus(Duration.ofMinutes(30 * (perBarber % 47))));
    }

    /**
     * The same durable work as a booking: appointment + outbox row, one transaction, with the
     * event the service would write (built by the service's own EventFactory), so the relay and
     * the worker downstream do the same work for a JDBC booking as for an HTTP one.
     */
    Outcome bookOverJdbc(Shop shop) throws SQLException {
        Booking b = nextBooking(shop);
        Appointment appointment = b.appointment();
        OutboxEvent event = b.event();
        try (Connection c = pool.getConnection()) {
            return bookOverJdbc(c, shop, appointment, event);
        }
    }

    private static Outcome bookOverJdbc(Connection c, Shop shop, Appointment appointment, OutboxEvent event)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO appointments (id, location_id, barber_id, "
                + "service_id, start_time, end_time, blocked_until, status, price_cents, currency, confirmation_code, "
                + "version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'confirmed', 3000, 'USD', ?, 1, ?, ?)");
             PreparedStatement outbox = c.prepareStatement("INSERT INTO outbox (event_id, topic, aggregate_id, "
                     + "aggregate_version, event_type, location_id, occurred_at, envelope) VALUES (?, ?, ?, 1, ?, ?, ?, ?)")) {
            set(insert, appointment.id(), shop.location(), appointment.barberId(), shop.service(), utc(appointment.start()),
                    utc(appointment.end()), utc(appointment.blockedUntil()), appointment.confirmationCode(),
                    utc(appointment.createdAt()), utc(appointment.createdAt()));
            insert.executeUpdate();
            set(outbox, event.eventId(), event.topic(), appointment.id(), event.eventType(), shop.location(),
                    utc(appointment.createdAt()), event.envelope());
            outbox.executeUpdate();
            c.commit();
            return Outcome.OK;
        } catch (SQLException e) {
            c.rollback();
            return "23P01".equals(e.getSQLState()) ? Outcome.CONFLICT : Outcome.ERROR;
        }
    }

    /**
     * The second baseline: the very statement the service runs for a booking (it also locks the
     * barber's row and checks time off in the same round trip), over raw JDBC, so the difference
     * to HTTP is the API's own cost and nothing else.
     */
    Outcome bookWithServiceStatement(Shop shop) throws SQLException {
        Booking b = nextBooking(shop);
        Appointment appointment = b.appointment();
        OutboxEvent event = b.event();
        try (Connection c = pool.getConnection();
             PreparedStatement book = c.prepareStatement(BookingDao.BOOK.sql())) {
            BookingDao.BOOK.bind(book, BookingDao.values(appointment, null, null, null, event));
            String result;
            try (ResultSet rs = book.executeQuery()) {
                rs.next();
                result = rs.getString(1);
            }
            c.commit();
            return "BOOKED".equals(result) ? Outcome.OK : Outcome.CONFLICT;
        } catch (SQLException e) {
            return Outcome.ERROR;
        }
    }

    /** A new confirmed 30-minute appointment in the shop's next slot, with the event the service would write for it. */
    private record Booking(Appointment appointment, OutboxEvent event) {
    }

    private static Booking nextBooking(Shop shop) {
        Slot slot = nextSlot(shop);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant end = slot.start().plus(Duration.ofMinutes(30));
        Appointment appointment = new Appointment(Ids.newId(), shop.location(), slot.barber(), shop.service(), null,
                slot.start(), end, end, AppointmentStatus.CONFIRMED, 3000, "USD", null, ConfirmationCodes.next(), 1, now, now);
        return new Booking(appointment, EventFactory.appointment(EventType.AppointmentBooked, appointment, ZoneOffset.UTC,
                null, now));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * Brings the cluster's WAL to a primary's steady state: {@code segments} WAL segments ahead of
     * the insert position, ready to be written. Each switch ends the current segment (after a
     * commit, as a switch with no WAL since the last one does nothing) and so makes the next one
     * exist; the checkpoint then recycles every segment behind it into the segments ahead. A
     * primary that has been running a while finds its next segments recycled by its previous
     * checkpoints; the launcher's fresh cluster created each one when the WAL reached it,
     * zero-filled and synced inside PostgreSQL's WAL write lock, and every commit waited meanwhile
     * (see {@code SystemBenchmark#warmUp}).
     */
    void recycleWalAhead(int segments) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (int i = 0; i < segments; i++) {
                s.execute("SELECT pg_current_xact_id()");
                s.execute("SELECT pg_switch_wal()");
            }
            s.execute("CHECKPOINT");
        }
    }

    /**
     * Vacuums and analyzes the whole database now, so autovacuum has nothing to start during the
     * next step (see {@code SystemBenchmark.settle}).
     */
    void vacuum() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE)");
        }
    }

    long unpublishedEvents() throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM outbox WHERE published_at IS NULL");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The projection lag of every event of the shop, whole and in its two parts, in nanoseconds
     * (PostgreSQL's clock at every end): the outbox row's transaction to the relay's marking it
     * published (after the broker acknowledged it), and that to the worker's applying transaction.
     */
    record ProjectionLags(Histogram whole, Histogram relay, Histogram downstream) {
    }

    ProjectionLags projectionLags(Shop shop) throws SQLException {
        ProjectionLags lags = new ProjectionLags(lagHistogram(), lagHistogram(), lagHistogram());
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement s = c.prepareStatement("SELECT (extract(epoch FROM a.applied_at - o.created_at) * 1e9)"
                     + "::bigint, (extract(epoch FROM o.published_at - o.created_at) * 1e9)::bigint, "
                     + "(extract(epoch FROM a.applied_at - o.published_at) * 1e9)::bigint FROM outbox o "
                     + "JOIN projection_applied_events a ON a.event_id = o.event_id WHERE o.location_id = ?")) {
            s.setObject(1, shop.location());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lags.whole().recordValue(Math.max(0, rs.getLong(1)));
                    lags.relay().recordValue(Math.max(0, rs.getLong(2)));
                    // the worker can start applying before the relay's marking transaction does
                    lags.downstream().recordValue(Math.max(0, rs.getLong(3)));
                }
            }
        }
        return lags;
    }

    private static Histogram lagHistogram() {
        return new Histogram(java.util.concurrent.TimeUnit.SECONDS.toNanos(600), 3);
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            set(s, args);
            s.executeUpdate();
        }
    }

    private static void set(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }
}
