package com.bookedbarber.command.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.command.CommandServiceTestApp;
import com.bookedbarber.testing.ApiClient;
import com.bookedbarber.testing.ApiClient.Result;
import com.bookedbarber.testing.ShopFixture;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class ConcurrencyAndIdempotencyIT {
    static final TestDatabase DB = TestDatabase.createMigratedForJvm();
    static final TestKafka KAFKA = TestKafka.shared();
    static final DropwizardAppExtension<CommandServiceConfiguration> APP = CommandServiceTestApp.extension(DB, KAFKA);
    static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    static ApiClient api;
    static ShopFixture shop;

    @BeforeAll
    static void setUp() {
        api = new ApiClient("http://127.0.0.1:" + APP.getLocalPort());
        shop = ShopFixture.create(DB.dataSource(), ZONE.getId(), 1, 30, 10, 4000);
    }

    static Map<String, Object> booking(LocalDate date, int hour, int minute) {
        Map<String, Object> body = new HashMap<>();
        body.put("location_id", shop.locationId().toString());
        body.put("service_id", shop.serviceId().toString());
        body.put("barber_id", shop.barberIds().get(0).toString());
        body.put("start", date.atTime(hour, minute).atZone(ZONE).toOffsetDateTime().toString());
        return body;
    }

    @Test
    void thirtyTwoClientsRacingForOneChairNeverDoubleBookIt() throws Exception {
        List<ApiClient> clients = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            clients.add(api.register("Racer " + i).api());
        }
        Random random = new Random(42);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        Map<Integer, Integer> statuses = new HashMap<>();
        try {
            for (int round = 0; round < 5; round++) {
                LocalDate date = LocalDate.now(ZONE).plusDays(2 + round);
                List<Callable<Integer>> attempts = new ArrayList<>();
                for (ApiClient client : clients) {
                    // starts 09:00..10:55 on a 5-minute grid: many overlap each other (40 min each)
                    int minuteOfRange = random.nextInt(24) * 5;
                    attempts.add(() -> client.post("/api/v2/appointments",
                            booking(date, 9 + minuteOfRange / 60, minuteOfRange % 60)).status());
                }
                for (Future<Integer> f : pool.invokeAll(attempts)) {
                    statuses.merge(f.get(), 1, Integer::sum);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses.keySet()).containsOnly(201, 409);
        assertThat(statuses.get(201)).isBetween(5, 5 * 3);
        assertThat(query("SELECT count(*) FROM appointments a JOIN appointments b ON a.barber_id = b.barber_id "
                + "AND a.id < b.id AND a.status IN ('confirmed', 'completed') AND b.status IN ('confirmed', 'completed') "
                + "AND tstzrange(a.start_time, a.blocked_until) && tstzrange(b.start_time, b.blocked_until)")).isZero();
        assertThat(query("SELECT count(*) FROM appointments WHERE location_id = '" + shop.locationId() + "'"))
                .isEqualTo(statuses.get(201).longValue());
        // every booking wrote exactly one event
        assertThat(query("SELECT count(*) FROM outbox WHERE location_id = '" + shop.locationId() + "'"))
                .isEqualTo(statuses.get(201).longValue());
    }

    @Test
    void aRetriedCreateIsReplayedByteForByteAndBooksOnce() throws Exception {
        ApiClient client = api.register("Retrying Client").api();
        LocalDate date = LocalDate.now(ZONE).plusDays(10);
        Map<String, Object> body = booking(date, 14, 0);
        String key = "key-" + UUID.randomUUID();
        Result first = client.post("/api/v2/appointments", body, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        Result again = client.post("/api/v2/appointments", body, "Idempotency-Key", key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(query("SELECT count(*) FROM appointments WHERE start_time = '" + body.get("start") + "'")).isEqualTo(1);

        Result reused = client.post("/api/v2/appointments", booking(date, 15, 0), "Idempotency-Key", key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("error").asText()).isEqualTo("idempotency_key_reused");
        // the same key from another caller is another request
        assertThat(api.register("Other Client").api().post("/api/v2/appointments", booking(date, 16, 0),
                "Idempotency-Key", key).status()).isEqualTo(201);
        assertThat(client.post("/api/v2/appointments", booking(date, 17, 0), "Idempotency-Key", "k".repeat(256))
                .status()).isEqualTo(400);
        // errors are replayed too: the same conflicting request gives the same answer
        Map<String, Object> taken = booking(date, 14, 10);
        Result conflict = client.post("/api/v2/appointments", taken, "Idempotency-Key", key + "-2");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(client.post("/api/v2/appointments", taken, "Idempotency-Key", key + "-2").header("Idempotent-Replayed"))
                .contains("true");
    }

    @Test
    void concurrentRetriesOfOneKeyBookOnce() throws Exception {
        ApiClient client = api.register("Impatient Client").api();
        Map<String, Object> body = booking(LocalDate.now(ZONE).plusDays(11), 10, 0);
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Result> results = new ArrayList<>();
        try {
            List<Callable<Result>> retries = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                retries.add(() -> client.post("/api/v2/appointments", body, "Idempotency-Key", key));
            }
            for (Future<Result> f : pool.invokeAll(retries)) {
                results.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(results).allSatisfy(r -> assertThat(r.status()).isIn(201, 409));
        assertThat(results.stream().filter(r -> r.status() == 201 && r.header("Idempotent-Replayed").isEmpty()))
                .hasSize(1);
        results.stream().filter(r -> r.status() == 409)
                .forEach(r -> assertThat(r.json().get("error").asText()).isEqualTo("idempotency_key_in_flight"));
        assertThat(query("SELECT count(*) FROM appointments WHERE start_time = '" + body.get("start") + "'")).isEqualTo(1);
    }

    private static long query(String sql) throws Exception {
        try (Connection c = DB.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
