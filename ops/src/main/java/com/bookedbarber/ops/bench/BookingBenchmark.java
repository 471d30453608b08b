package com.bookedbarber.ops.bench;

import com.bookedbarber.api.events.EventType;
import com.bookedbarber.command.core.Appointment;
import com.bookedbarber.command.core.AppointmentStatus;
import com.bookedbarber.command.core.ConfirmationCodes;
import com.bookedbarber.command.core.EventFactory;
import com.bookedbarber.command.core.OutboxEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Booking create through HTTP against the same insert + outbox transaction over raw JDBC (the
 * durable-write limit of this database on this disk), at 8, 32 and 64 concurrent clients, in
 * one run; then HTTP open-loop at half the best HTTP rate (latency from the intended start, so
 * coordinated omission is corrected), and availability reads. One request in ten re-books a
 * taken slot, so conflicts (409) are part of the load.
 */
public final class BookingBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BARBERS = 48;
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));

    private final String api = System.getProperty("api", "http://127.0.0.1:8080");
    private final String db = System.getProperty("db", "jdbc:postgresql://localhost:15432/postgres?user=postgres");
    private final String workerAdmin = System.getProperty("workerAdmin", "http://127.0.0.1:8091");
    private final int seconds = Integer.getInteger("seconds", 10);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8)).build();

    record Result(String scenario, int clients, double perSecond, Histogram latency, long conflicts, long errors) {
    }

    record Shop(UUID location, UUID service, List<UUID> barbers) {
    }

    public static void main(String[] args) throws Exception {
        new BookingBenchmark().run();
        // the HTTP client's executor and the per-thread connections would keep the JVM alive
        System.exit(0);
    }

    private void run() throws Exception {
        Shop httpShop = seed("bench-http");
        Shop jdbcShop = seed("bench-jdbc");
        String token = register();
        List<Result> results = new ArrayList<>();
        AtomicLong httpSlots = new AtomicLong();
        AtomicLong jdbcSlots = new AtomicLong();
        // warm-up, not reported: until the JIT has compiled the hot paths, a fresh JVM runs them
        // several times slower, and that is start-up cost, not the steady state measured here
        boolean jdbc = !Boolean.getBoolean("httpOnly");
        warmUp(httpShop, jdbcShop, token, httpSlots, jdbc ? jdbcSlots : null);
        String onlyRate = System.getProperty("openLoopRate");
        if (onlyRate != null) {
            // one open-loop booking step at a given rate (with -Dtimeline=true: where the tail comes from)
            print(List.of(openLoop("booking create, HTTP open loop", Double.parseDouble(onlyRate), seconds,
                    () -> bookHttp(httpShop, token, httpSlots))));
            return;
        }
        double bestHttp = 0;
        for (String level : System.getProperty("levels", "8,32,64").split(",")) {
            int clients = Integer.parseInt(level.trim());
            if (jdbc) {
                results.add(closedLoop("booking create, raw JDBC", clients, seconds, () -> bookJdbc(jdbcShop, jdbcSlots)));
            }
            Result viaHttp = closedLoop("booking create, HTTP", clients, seconds, () -> bookHttp(httpShop, token, httpSlots));
            results.add(viaHttp);
            bestHttp = Math.max(bestHttp, viaHttp.perSecond());
        }
        if (Boolean.getBoolean("httpOnly")) {
            print(results);
            return;
        }
        results.add(openLoop("booking create, HTTP open loop at half the best rate", bestHttp / 2, seconds,
                () -> bookHttp(httpShop, token, httpSlots)));
        results.add(closedLoop("availability, HTTP", 8, seconds, () -> availability(httpShop, token)));
        // analytics against the HTTP limit of this stack: /health on the same server, same clients
        String owner = ownerToken(httpShop);
        Result health = closedLoop("/health, HTTP (baseline)", 8, seconds, this::health);
        Result revenue = closedLoop("analytics daily-revenue 90 days, HTTP", 8, seconds,
                () -> analytics(httpShop, owner, "daily-revenue", 89));
        Result hourly = closedLoop("analytics hourly-bookings 7 days, HTTP", 8, seconds,
                () -> analytics(httpShop, owner, "hourly-bookings", 6));
        Result summary = closedLoop("analytics summary 30 days, HTTP", 8, seconds,
                () -> analytics(httpShop, owner, "summary", 29));
        results.addAll(List.of(health, revenue, hourly, summary));
        // latency at a steady rate well below saturation (coordinated omission corrected)
        results.add(openLoop("analytics daily-revenue 90 days, HTTP open loop at half its rate",
                revenue.perSecond() / 2, seconds, () -> analytics(httpShop, owner, "daily-revenue", 89)));
        print(results);
        System.out.printf("analytics / health throughput: daily-revenue %.0f%%; hourly-bookings %.0f%%; summary %.0f%%%n",
                100 * revenue.perSecond() / health.perSecond(), 100 * hourly.perSecond() / health.perSecond(),
                100 * summary.perSecond() / health.perSecond());
    }

    private void warmUp(Shop httpShop, Shop jdbcShop, String token, AtomicLong httpSlots, AtomicLong jdbcSlots)
            throws Exception {
        // About a minute of load until both JVMs (this client's and the server's) reach steady
        // state on two shared cores: measured, booking throughput still rose 2x between the
        // first and the fourth 8-second step after a 20-second warm-up.
        int warmup = Integer.getInteger("warmupSeconds", 60);
        String owner = ownerToken(httpShop);
        closedLoop("warm-up", 8, warmup * 6 / 10, () -> bookHttp(httpShop, token, httpSlots));
        closedLoop("warm-up", 8, warmup * 15 / 100, () -> availability(httpShop, token));
        closedLoop("warm-up", 8, warmup * 15 / 100, () -> analytics(httpShop, owner, "daily-revenue", 89) == 0
                ? analytics(httpShop, owner, "summary", 29) | analytics(httpShop, owner, "hourly-bookings", 6) | health()
                : 2);
        if (jdbcSlots != null) {
            closedLoop("warm-up", 8, Math.max(1, warmup / 10), () -> bookJdbc(jdbcShop, jdbcSlots));
        }
    }

    private int health() throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(api + "/health")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200 ? 0 : 2;
    }

    private int analytics(Shop shop, String token, String report, int days) throws Exception {
        LocalDate from = LocalDate.ofInstant(BASE, ZoneOffset.UTC);
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(api + "/api/v2/analytics/locations/"
                        + shop.location() + "/" + report + "?from=" + from + "&to=" + from.plusDays(days)))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200 ? 0 : 2;
    }

    /** A new user made owner of the shop (analytics are for owners and managers). */
    private String ownerToken(Shop shop) throws Exception {
        String body = JSON.writeValueAsString(Map.of("email", "owner-" + UUID.randomUUID() + "@bench.test",
                "password", "benchmark owner password", "name", "Owner"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + "/api/v2/auth/register"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        var json = JSON.readTree(response.body());
        try (Connection c = DriverManager.getConnection(db)) {
            exec(c, "INSERT INTO location_members (location_id, user_id, role) VALUES (?, ?, 'owner')", shop.location(),
                    UUID.fromString(json.get("user").get("id").asText()));
        }
        return json.get("access_token").asText();
    }

    /** 0 ok, 1 conflict (expected 409), 2 error. */
    interface Call {
        int call() throws Exception;
    }

    private Result closedLoop(String scenario, int clients, int durationSeconds, Call call) throws Exception {
        settle();
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        Recorder recorder = new Recorder(3);
        AtomicLong done = new AtomicLong();
        AtomicLong conflicts = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    int outcome = safely(call);
                    recorder.recordValue(System.nanoTime() - start);
                    done.incrementAndGet();
                    if (outcome == 1) {
                        conflicts.incrementAndGet();
                    } else if (outcome == 2) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();
        histogram.add(recorder.getIntervalHistogram());
        return progress(new Result(scenario, clients, done.get() / (double) durationSeconds, histogram, conflicts.get(),
                errors.get()));
    }

    private Result openLoop(String scenario, double rate, int durationSeconds, Call call) throws Exception {
        settle();
        Recorder recorder = new Recorder(3);
        AtomicLong conflicts = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long intervalNanos = (long) (1e9 / rate);
        long total = (long) (rate * durationSeconds);
        ExecutorService pool = Executors.newFixedThreadPool(64);
        // per-second histograms (-Dtimeline=true prints them): shows whether the tail is steady or stalls
        Histogram[] seconds = new Histogram[durationSeconds + 1];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = new org.HdrHistogram.ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 2);
        }
        long begin = System.nanoTime();
        List<Future<?>> calls = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long intended = begin + i * intervalNanos;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            calls.add(pool.submit(() -> {
                int outcome = safely(call);
                long latency = System.nanoTime() - intended;
                recorder.recordValue(latency);
                seconds[(int) Math.min(seconds.length - 1, (intended - begin) / 1_000_000_000L)].recordValue(latency);
                if (outcome == 1) {
                    conflicts.incrementAndGet();
                } else if (outcome == 2) {
                    errors.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : calls) {
            f.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - begin) / 1e9;
        if (Boolean.getBoolean("timeline")) {
            for (int i = 0; i < seconds.length; i++) {
                System.err.printf("  second %2d: %5d requests, p50 %6.1f ms, p99 %6.1f ms, max %6.1f ms%n", i,
                        seconds[i].getTotalCount(), seconds[i].getValueAtPercentile(50) / 1e6,
                        seconds[i].getValueAtPercentile(99) / 1e6, seconds[i].getMaxValue() / 1e6);
            }
        }
        return progress(new Result(String.format("%s (%.0f/s)", scenario, rate), 64, total / elapsed,
                recorder.getIntervalHistogram(), conflicts.get(), errors.get()));
    }

    /** Each step's row on stderr as it completes, so a long run shows where it is. */
    private static Result progress(Result result) {
        if (!result.scenario().equals("warm-up")) {
            System.err.print(row(result));
        }
        return result;
    }

    private static int safely(Call call) {
        try {
            return call.call();
        } catch (Exception e) {
            return 2;
        }
    }

    /** The k-th booking: a new (barber, slot), except every tenth re-uses an earlier one. */
    private static Instant[] slot(Shop shop, AtomicLong counter, int[] barberIndex) {
        long k = counter.getAndIncrement();
        long slotNumber = k % 10 == 9 && k > 10 ? k - 5 : k;
        barberIndex[0] = (int) (slotNumber % shop.barbers().size());
        // hours are 00:00-23:59, so a day has 47 half-hour slots (23:30-00:00 would end outside them)
        long perBarber = slotNumber / shop.barbers().size();
        Instant start = BASE.plus(Duration.ofDays(perBarber / 47)).plus(Duration.ofMinutes(30 * (perBarber % 47)));
        return new Instant[] {start, start.plus(Duration.ofMinutes(30))};
    }

    private int bookHttp(Shop shop, String token, AtomicLong counter) throws Exception {
        int[] barber = new int[1];
        Instant[] slot = slot(shop, counter, barber);
        String body = JSON.writeValueAsString(Map.of("location_id", shop.location().toString(),
                "service_id", shop.service().toString(), "barber_id", shop.barbers().get(barber[0]).toString(),
                "start", slot[0].toString()));
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(api + "/api/v2/appointments"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 201 ? 0 : response.statusCode() == 409 ? 1 : 2;
    }

    private final ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
        try {
            Connection c = DriverManager.getConnection(db);
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    });

    /**
     * The same durable work as a booking: appointment + outbox row, one transaction, with the
     * event the service would write (built by the service's own EventFactory), so the relay and
     * the worker downstream do the same work for a JDBC booking as for an HTTP one.
     */
    private int bookJdbc(Shop shop, AtomicLong counter) throws Exception {
        int[] barber = new int[1];
        Instant[] slot = slot(shop, counter, barber);
        Connection c = connections.get();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Appointment appointment = new Appointment(UUID.randomUUID(), shop.location(), shop.barbers().get(barber[0]),
                shop.service(), null, slot[0], slot[1], slot[1], AppointmentStatus.CONFIRMED, 3000, "USD", null,
                ConfirmationCodes.next(), 1, now, now);
        OutboxEvent event = EventFactory.appointment(EventType.AppointmentBooked, appointment, ZoneOffset.UTC, null, now);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO appointments (id, location_id, barber_id, "
                + "service_id, start_time, end_time, blocked_until, status, price_cents, currency, confirmation_code, "
                + "version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'confirmed', 3000, 'USD', ?, 1, ?, ?)");
             PreparedStatement outbox = c.prepareStatement("INSERT INTO outbox (event_id, topic, aggregate_id, "
                     + "aggregate_version, event_type, location_id, occurred_at, envelope) VALUES (?, ?, ?, 1, ?, ?, ?, ?)")) {
            insert.setObject(1, appointment.id());
            insert.setObject(2, shop.location());
            insert.setObject(3, appointment.barberId());
            insert.setObject(4, shop.service());
            insert.setObject(5, slot[0].atOffset(ZoneOffset.UTC));
            insert.setObject(6, slot[1].atOffset(ZoneOffset.UTC));
            insert.setObject(7, slot[1].atOffset(ZoneOffset.UTC));
            insert.setString(8, appointment.confirmationCode());
            insert.setObject(9, now.atOffset(ZoneOffset.UTC));
            insert.setObject(10, now.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
            outbox.setObject(1, event.eventId());
            outbox.setString(2, event.topic());
            outbox.setObject(3, appointment.id());
            outbox.setString(4, event.eventType());
            outbox.setObject(5, shop.location());
            outbox.setObject(6, now.atOffset(ZoneOffset.UTC));
            outbox.setString(7, event.envelope());
            outbox.executeUpdate();
            c.commit();
            return 0;
        } catch (SQLException e) {
            c.rollback();
            return "23P01".equals(e.getSQLState()) ? 1 : 2;
        }
    }

    /**
     * Waits until the relay has published every outbox row and the worker has applied every
     * event, so the next step does not pay for the previous step's downstream work.
     */
    private void settle() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try (Connection c = DriverManager.getConnection(db);
             PreparedStatement unpublished = c.prepareStatement("SELECT count(*) FROM outbox WHERE published_at IS NULL")) {
            while (System.nanoTime() < deadline) {
                long backlog;
                try (var rs = unpublished.executeQuery()) {
                    rs.next();
                    backlog = rs.getLong(1);
                }
                if (backlog == 0 && workerLag() == 0) {
                    return;
                }
                Thread.sleep(200);
            }
        }
        System.err.println("warning: the outbox or the projection did not catch up within 120 s");
    }

    /** The worker's total offset lag, from its metrics (the records it has not applied yet). */
    private long workerLag() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(workerAdmin + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("gauges").path("projection.lag.offsets").path("value").asLong(0);
    }

    private int availability(Shop shop, String token) throws Exception {
        LocalDate date = LocalDate.ofInstant(BASE, ZoneOffset.UTC).plusDays((long) (Math.random() * 20));
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(api + "/api/v2/locations/"
                        + shop.location() + "/availability?date=" + date + "&service_id=" + shop.service()))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200 ? 0 : 2;
    }

    /** A location with 48 barbers working around the clock, seeded over JDBC (fast, repeatable). */
    private Shop seed(String name) throws SQLException {
        UUID location = UUID.randomUUID();
        UUID service = UUID.randomUUID();
        List<UUID> barbers = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db)) {
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
        return new Shop(location, service, barbers);
    }

    private String register() throws Exception {
        String body = JSON.writeValueAsString(Map.of("email", "bench-" + UUID.randomUUID() + "@bench.test",
                "password", "benchmark client password", "name", "Bench"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + "/api/v2/auth/register"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    private static String row(Result r) {
        Histogram h = r.latency();
        return String.format("| %s | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %d |%n", r.scenario(), r.clients(),
                r.perSecond(), h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6,
                h.getValueAtPercentile(99) / 1e6, h.getValueAtPercentile(99.9) / 1e6, r.conflicts(), r.errors());
    }

    private static void print(List<Result> results) {
        StringBuilder out = new StringBuilder("| scenario | clients | req/s | p50 ms | p90 ms | p99 ms | p99.9 ms | 409 | errors |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Result r : results) {
            out.append(row(r));
        }
        out.append("\nHTTP / raw JDBC throughput: ");
        for (int i = 0; i + 1 < results.size() && results.get(i).scenario().contains("JDBC"); i += 2) {
            out.append(String.format("%d clients %.0f%%; ", results.get(i).clients(),
                    100 * results.get(i + 1).perSecond() / results.get(i).perSecond()));
        }
        System.out.println(out);
    }
}
