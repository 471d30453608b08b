package com.bookedbarber.command.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.command.CommandServiceTestApp;
import com.bookedbarber.testing.ApiClient;
import com.bookedbarber.testing.RestartablePostgres;
import com.bookedbarber.testing.ShopFixture;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL crashes (immediate shutdown) and is started again (crash recovery) while clients keep
 * booking, against a throwaway, durable server of this test's own: requests in the gap get a fast
 * 503 in the error shape, the service recovers without a restart, every booking answered 201
 * survived, and none is half written (every appointment has its event, every event its
 * appointment, and the relay publishes them all).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DatabaseRestartIT {
    private static final int CLIENTS = 4;
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("outage.seconds", 8));

    static final RestartablePostgres POSTGRES = RestartablePostgres.start();
    static final TestDatabase DB = TestDatabase.createMigratedOn(POSTGRES.serverUrl());
    static final TestKafka KAFKA = TestKafka.shared();
    static final DropwizardAppExtension<CommandServiceConfiguration> APP = CommandServiceTestApp.extension(DB, KAFKA);

    enum Phase { BEFORE, OUTAGE, AFTER }

    /** {@code retry}: the client sent this slot before and got a 503. */
    record Answer(Phase phase, int status, String code, String retryAfter, long millis, String appointmentId,
                  boolean retry) {
    }

    @Test
    void aDatabaseRestartUnderLoadAnswers503FastRecoversAndLeavesNoPartialWrite() throws Exception {
        ShopFixture shop = ShopFixture.create(DB.dataSource(), "UTC", CLIENTS, 30, 0, 2500);
        ApiClient client = new ApiClient("http://127.0.0.1:" + APP.getLocalPort()).register("Restart Client").api();
        Instant firstDay = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        AtomicReference<Phase> phase = new AtomicReference<>(Phase.BEFORE);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong recoveredAfter201s = new AtomicLong();
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int barber = c;
            clients.add(pool.submit(() -> {
                // each client books its own barber's slots one after another and sends a slot again
                // after a 503, so a 409 means only that the first attempt committed as the server
                // went away and its answer was lost; any other 409 would be a bug
                boolean retry = false;
                for (int slot = 0; running.get(); slot++) {
                    Instant start = firstDay.plus(Duration.ofDays(slot / 40)).plus(Duration.ofMinutes(30L * (slot % 40)));
                    Phase during = phase.get();
                    long begin = System.nanoTime();
                    ApiClient.Result r = client.post("/api/v2/appointments", Map.of(
                            "location_id", shop.locationId().toString(), "service_id", shop.serviceId().toString(),
                            "barber_id", shop.barberIds().get(barber).toString(), "start", start.toString()));
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
                    boolean created = r.status() == 201;
                    answers.add(new Answer(during, r.status(), created ? null : r.json().path("error").asText(),
                            r.header("Retry-After").orElse(null), millis, created ? r.json().get("id").asText() : null,
                            retry));
                    if (created && during == Phase.AFTER) {
                        recoveredAfter201s.incrementAndGet();
                    }
                    retry = r.status() == 503;
                    if (retry) {
                        slot--;
                    }
                }
                return null;
            }));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> answers.stream().filter(a -> a.status() == 201).count() >= 50);
        phase.set(Phase.OUTAGE);
        // a crash, not a clean stop: no final flush, so every booking answered 201 must already be durable
        POSTGRES.crash();
        long outageStarted = answers.size();
        await().atMost(OUTAGE.plusSeconds(30)).until(() -> answers.size() - outageStarted >= 20);
        Thread.sleep(OUTAGE.toMillis()); // the outage itself: how long the server stays down is the point
        POSTGRES.restart();
        phase.set(Phase.AFTER);
        await().atMost(Duration.ofSeconds(60)).until(() -> recoveredAfter201s.get() >= 100);
        running.set(false);
        for (Future<?> f : clients) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<Answer> all = List.copyOf(answers);
        assertThat(all).allSatisfy(a -> assertThat(a.status()).as("%s", a).isIn(201, 503, 409));
        List<Answer> takenByTheirOwnLostAttempt = all.stream().filter(a -> a.status() == 409).toList();
        assertThat(takenByTheirOwnLostAttempt).allSatisfy(a -> {
            assertThat(a.retry()).as("a 409 only for a slot sent again after a 503: %s", a).isTrue();
            assertThat(a.code()).isEqualTo("slot_unavailable");
        });
        List<Answer> refused = all.stream().filter(a -> a.status() == 503).toList();
        assertThat(refused).as("503s while the database was down").hasSizeGreaterThanOrEqualTo(20);
        assertThat(refused).allSatisfy(a -> {
            assertThat(a.code()).isIn("database_unavailable", "busy");
            assertThat(a.retryAfter()).isNotNull();
            assertThat(a.millis()).as("a 503 is fast").isLessThan(3000);
        });
        // recovered without a restart: once the first booking after the restart succeeded, every later one did
        List<Answer> after = all.stream().filter(a -> a.phase() == Phase.AFTER).toList();
        int firstSuccess = indexOfFirst201(after);
        assertThat(after.subList(firstSuccess, after.size())).allSatisfy(a -> assertThat(a.status()).isIn(201, 409));

        Set<String> answered = new HashSet<>();
        all.stream().filter(a -> a.appointmentId() != null).forEach(a -> answered.add(a.appointmentId()));
        Set<String> stored = appointmentIds();
        assertThat(stored).containsAll(answered);
        // a booking can commit in the instant the server goes away, with its answer lost: at most one
        // per client, and then its client's second attempt at the slot got the 409
        assertThat(stored.size() - answered.size()).isBetween(0, CLIENTS)
                .isEqualTo(takenByTheirOwnLostAttempt.size());
        assertThat(DB.count("SELECT count(*) FROM appointments a WHERE NOT EXISTS (SELECT 1 FROM outbox o "
                + "WHERE o.aggregate_id = a.id AND o.event_type = 'AppointmentBooked')")).isZero();
        assertThat(DB.count("SELECT count(*) FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM appointments a "
                + "WHERE a.id = o.aggregate_id)")).isZero();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> DB.count("SELECT count(*) FROM outbox WHERE published_at IS NULL") == 0);
        System.out.printf("database crash under load: %d bookings answered 201, %d answered 503 (slowest %d ms), "
                        + "%d written without an answer; none half written%n", answered.size(), refused.size(),
                refused.stream().mapToLong(Answer::millis).max().orElse(0), stored.size() - answered.size());
        ApiClient admin = new ApiClient("http://127.0.0.1:" + APP.getAdminPort());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ApiClient.Result health = admin.get("/healthcheck");
            assertThat(health.status()).as(health.body()).isEqualTo(200);
        });
    }

    private static int indexOfFirst201(List<Answer> answers) {
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).status() == 201) {
                return i;
            }
        }
        throw new AssertionError("no booking succeeded after the restart");
    }

    private static Set<String> appointmentIds() throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = DB.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM appointments")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
