package com.bookedbarber.command.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookedbarber.api.events.Topics;
import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.command.CommandServiceTestApp;
import com.bookedbarber.command.EventSchemas;
import com.bookedbarber.testing.EventReader;
import com.bookedbarber.testing.ShopFixture;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import com.bookedbarber.testing.ApiClient;
import com.bookedbarber.testing.ApiClient.Result;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class AppointmentResourceIT {
    static final TestDatabase DB = TestDatabase.createMigratedForJvm();
    static final TestKafka KAFKA = TestKafka.shared();
    static final DropwizardAppExtension<CommandServiceConfiguration> APP = CommandServiceTestApp.extension(DB, KAFKA);
    static final ObjectMapper JSON = new ObjectMapper();
    static ShopFixture shop;
    static ApiClient api;
    static ApiClient client;


    @BeforeAll
    static void createShop() {
        shop = ShopFixture.create(DB.dataSource(), "America/New_York", 2, 30, 10, 2500);
        api = new ApiClient("http://127.0.0.1:" + APP.getLocalPort());
        client = api.register("Casey Client").api();
    }

    @Test
    void bookingWritesTheAppointmentAndItsEventWhichTheRelayPublishes() throws Exception {
        Instant start = nextSlot(1);
        Result response = post(booking(start, shop.barberIds().get(0)));
        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        String id = body.get("id").asText();
        assertThat(response.header("Location").orElseThrow()).endsWith("/api/v2/appointments/" + id);
        assertThat(body.get("status").asText()).isEqualTo("confirmed");
        assertThat(body.get("start").asText()).isEqualTo(start.toString());
        assertThat(body.get("end").asText()).isEqualTo(start.plus(Duration.ofMinutes(30)).toString());
        assertThat(body.get("timezone").asText()).isEqualTo("America/New_York");
        assertThat(body.get("price_cents").asLong()).isEqualTo(2500);
        assertThat(body.get("currency").asText()).isEqualTo("USD");
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("confirmation_code").asText()).matches("[A-Z0-9]{8}");

        assertThat(body.get("client_id").asText()).isNotBlank();
        Result fetched = client.get("/api/v2/appointments/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("local_start").asText())
                .isEqualTo(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
                        .format(start.atZone(java.time.ZoneId.of("America/New_York"))));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var records = EventReader.readAll(KAFKA.bootstrapServers(), Topics.APPOINTMENTS).stream()
                    .filter(r -> r.key().equals(id)).toList();
            assertThat(records).hasSize(1);
            JsonNode event = JSON.readTree(records.get(0).value());
            assertThat(event.get("event_type").asText()).isEqualTo("AppointmentBooked");
            assertThat(event.get("aggregate_version").asLong()).isEqualTo(1);
            assertThat(event.get("data").get("status").asText()).isEqualTo("confirmed");
            assertThat(EventSchemas.violations(event)).isEmpty();
            // the schema really constrains: a mutated event is rejected
            ((com.fasterxml.jackson.databind.node.ObjectNode) event.get("data")).put("price_cents", -1);
            ((com.fasterxml.jackson.databind.node.ObjectNode) event).remove("occurred_at");
            assertThat(EventSchemas.violations(event)).hasSize(2);
            assertThat(new String(records.get(0).headers().lastHeader("event_type").value()))
                    .isEqualTo("AppointmentBooked");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> DB.count(
                "SELECT count(*) FROM outbox WHERE aggregate_id = '" + id + "' AND published_at IS NOT NULL") == 1);
    }

    @Test
    void aTakenChairIs409AndAnyFreeBarberIsAssigned() throws Exception {
        Instant start = nextSlot(2);
        UUID first = shop.barberIds().get(0);
        assertThat(post(booking(start, first)).status()).isEqualTo(201);

        // overlapping the first appointment's buffer (30 min + 10 min buffer) on the same barber
        Result taken = post(booking(start.plus(Duration.ofMinutes(35)), first));
        assertThat(taken.status()).isEqualTo(409);
        JsonNode error = taken.json();
        assertThat(error.get("error").asText()).isEqualTo("slot_unavailable");
        assertThat(error.get("code").asInt()).isEqualTo(409);
        assertThat(error.get("request_id").asText()).isEqualTo(taken.header("X-Request-Id").orElseThrow());

        // right after the buffer is free again
        assertThat(post(booking(start.plus(Duration.ofMinutes(40)), first)).status()).isEqualTo(201);

        // no barber named: the other barber is free at the first start
        Result any = post(booking(start, null));
        assertThat(any.status()).isEqualTo(201);
        assertThat(any.json().get("barber_id").asText())
                .isEqualTo(shop.barberIds().get(1).toString());
        // and now nobody is
        assertThat(post(booking(start, null)).status()).isEqualTo(409);
    }

    @Test
    void concurrentBookingsOfOneChairYieldExactlyOneAppointment() throws Exception {
        Instant start = nextSlot(3);
        UUID barber = shop.barberIds().get(0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int offset = i % 4;
                attempts.add(() -> post(booking(start.plus(Duration.ofMinutes(offset * 5L)), barber)).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(attempts)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(DB.count("SELECT count(*) FROM appointments WHERE barber_id = '" + barber + "' AND start_time >= '"
                + start + "' AND start_time < '" + start.plus(Duration.ofHours(1)) + "'")).isEqualTo(1);
    }

    @Test
    void anAppointmentIsVisibleToItsClientAndTheShopsStaffOnly() {
        Result booked = post(booking(nextSlot(6), null));
        String path = "/api/v2/appointments/" + booked.json().get("id").asText();
        assertThat(client.get(path).status()).isEqualTo(200);
        assertThat(api.register("Somebody Else").api().get(path).status()).isEqualTo(404);
        ApiClient.Session barber = api.register("Shop Receptionist");
        assertThat(barber.api().get(path).status()).isEqualTo(404);
        shop.addMember(DB.dataSource(), barber.userId(), "receptionist");
        assertThat(barber.api().get(path).status()).isEqualTo(200);
    }

    @Test
    void badInputIsAClear4xxAndChangesNothing() throws Exception {
        long before = DB.count("SELECT count(*) FROM appointments");
        Result badJson = client.postRaw("/api/v2/appointments", "application/json", "{\"location_id\":");
        assertError(badJson, 400, "bad_json");

        Result missing = post(Map.of("notes", "hi"));
        JsonNode body = assertError(missing, 422, "validation_failed");
        assertThat(body.get("errors").toString()).contains("location_id: must not be null", "service_id", "start");

        Map<String, Object> seconds = booking(nextSlot(4).plusSeconds(30), null);
        assertThat(assertError(post(seconds), 422, "validation_failed").get("errors").get(0).asText())
                .startsWith("start:");

        Map<String, Object> wrongType = booking(nextSlot(4), null);
        wrongType.put("service_id", "not-a-uuid");
        assertThat(assertError(post(wrongType), 422, "validation_failed").get("errors").get(0).asText())
                .isEqualTo("service_id: has an invalid value");

        Map<String, Object> unknownService = booking(nextSlot(4), null);
        unknownService.put("service_id", UUID.randomUUID().toString());
        assertError(post(unknownService), 422, "unknown_service");

        Map<String, Object> longNotes = booking(nextSlot(4), null);
        longNotes.put("notes", "x".repeat(2001));
        assertError(post(longNotes), 422, "validation_failed");

        assertError(client.postRaw("/api/v2/appointments", "text/plain", "x"), 415, "unsupported_media_type");
        assertError(client.get("/api/v2/appointments/" + UUID.randomUUID()), 404, "not_found");
        assertError(client.get("/api/v2/appointments/not-a-uuid"), 404, "not_found");
        assertError(api.get("/api/v2/nowhere"), 404, "not_found");
        assertError(client.method("DELETE", "/api/v2/appointments"), 405, "method_not_allowed");
        assertError(api.post("/api/v2/appointments", booking(nextSlot(4), null)), 401, "unauthenticated");
        assertError(api.post("/api/v2/appointments", booking(nextSlot(4), null), "Authorization", "Bearer nonsense"),
                401, "invalid_token");

        assertThat(DB.count("SELECT count(*) FROM appointments")).isEqualTo(before);
    }

    @Test
    void requestIdIsEchoedWhenWellFormedAndHealthPassesNoFilter() {
        Result echoed = client.get("/api/v2/appointments/" + UUID.randomUUID(), "X-Request-Id", "abc.DEF-123_x");
        assertThat(echoed.header("X-Request-Id")).contains("abc.DEF-123_x");
        Result replaced = client.get("/api/v2/appointments/" + UUID.randomUUID(), "X-Request-Id", "bad id with spaces");
        assertThat(replaced.header("X-Request-Id").orElseThrow()).isNotEqualTo("bad id with spaces").isNotBlank();

        Result health = api.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(health.header("X-Request-Id")).isEmpty();
        assertThat(health.header("Server")).isEmpty();
    }

    private static JsonNode assertError(Result response, int status, String code) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.get("code").asInt()).isEqualTo(status);
        assertThat(body.get("error").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("java.");
        assertThat(body.get("request_id").asText()).isEqualTo(response.header("X-Request-Id").orElseThrow());
        return body;
    }

    /** 10:00 in the shop's zone, some days ahead: inside its hours whatever the time of the test run. */
    static Instant nextSlot(int daysAhead) {
        java.time.ZoneId zone = java.time.ZoneId.of("America/New_York");
        return java.time.LocalDate.now(zone).plusDays(daysAhead).atTime(10, 0).atZone(zone).toInstant();
    }

    static Map<String, Object> booking(Instant start, UUID barber) {
        Map<String, Object> body = new HashMap<>();
        body.put("location_id", shop.locationId().toString());
        body.put("service_id", shop.serviceId().toString());
        body.put("start", start.atOffset(java.time.ZoneOffset.ofHours(-5)).toString());
        if (barber != null) {
            body.put("barber_id", barber.toString());
        }
        return body;
    }

    static Result post(Map<String, ?> body) {
        return client.post("/api/v2/appointments", body);
    }

}
