package com.bookedbarber.command.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.command.CommandServiceTestApp;
import com.bookedbarber.testing.ApiClient;
import com.bookedbarber.testing.ApiClient.Result;
import com.bookedbarber.testing.ShopFixture;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /api/v2/batch: each operation as if sent alone (auth, validation, idempotency, rate limits), results apart. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BatchIT {
    static final TestDatabase DB = TestDatabase.createMigratedForJvm();
    static final TestKafka KAFKA = TestKafka.shared();
    // a tight analytics limit, so the test can exhaust it inside one batch
    static final DropwizardAppExtension<CommandServiceConfiguration> APP = CommandServiceTestApp.extension(DB, KAFKA,
            ConfigOverride.config("rateLimits.groups.analytics.requests", "3"));
    static final ZoneId ZONE = ZoneId.of("America/Chicago");
    static final AtomicInteger DAYS = new AtomicInteger(2);
    static ShopFixture shop;
    static ApiClient anonymous;
    static ApiClient client;

    @BeforeAll
    static void shop() {
        shop = ShopFixture.create(DB.dataSource(), ZONE.getId(), 1, 30, 0, 2_500);
        anonymous = new ApiClient("http://127.0.0.1:" + APP.getLocalPort());
        client = anonymous.register("Batch Client").api();
    }

    static Map<String, Object> op(String id, String method, String path, Object body) {
        Map<String, Object> op = new HashMap<>(Map.of("id", id, "method", method, "path", path));
        if (body != null) {
            op.put("body", body);
        }
        return op;
    }

    static Map<String, Object> booking(String start) {
        return Map.of("location_id", shop.locationId().toString(), "service_id", shop.serviceId().toString(),
                "barber_id", shop.barberIds().get(0).toString(), "start", start);
    }

    static String nextStart() {
        return LocalDate.now(ZONE).plusDays(DAYS.getAndIncrement()).atTime(14, 0).atZone(ZONE).toOffsetDateTime().toString();
    }

    static JsonNode results(Result response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("results");
    }

    @Test
    void eachOperationGetsItsOwnOutcomeAndOneFailureDoesNotFailTheOthers() {
        String start = nextStart();
        JsonNode results = results(client.post("/api/v2/batch", Map.of("operations", List.of(
                op("me", "GET", "/api/v2/auth/me", null),
                op("book", "POST", "/api/v2/appointments", booking(start)),
                op("again", "POST", "/api/v2/appointments", booking(start)),
                op("invalid", "POST", "/api/v2/appointments", Map.of("location_id", shop.locationId().toString())),
                op("nowhere", "GET", "/api/v2/no-such-thing", null),
                op("mine", "GET", "/api/v2/appointments?limit=10", null)))));

        assertThat(results).hasSize(6);
        assertThat(results.get(0).get("id").asText()).isEqualTo("me");
        assertThat(results.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(results.get(0).get("body").get("name").asText()).isEqualTo("Batch Client");
        JsonNode booked = results.get(1);
        assertThat(booked.get("status").asInt()).isEqualTo(201);
        assertThat(booked.get("headers").get("Location").asText()).endsWith(booked.get("body").get("id").asText());
        assertThat(results.get(2).get("status").asInt()).isEqualTo(409);
        assertThat(results.get(2).get("body").get("error").asText()).isEqualTo("slot_unavailable");
        assertThat(results.get(3).get("status").asInt()).isEqualTo(422);
        assertThat(results.get(3).get("body").get("errors")).isNotEmpty();
        assertThat(results.get(4).get("status").asInt()).isEqualTo(404);
        assertThat(results.get(4).get("body").get("request_id").asText()).isNotBlank();
        // the later read sees the earlier write: operations run in order
        assertThat(results.get(5).get("body").get("items").findValuesAsText("id"))
                .contains(booked.get("body").get("id").asText());
    }

    @Test
    void everyOperationAuthenticatesWithTheBatchCallersCredentials() {
        JsonNode results = results(anonymous.post("/api/v2/batch", Map.of("operations", List.of(
                op("me", "GET", "/api/v2/auth/me", null),
                op("book", "POST", "/api/v2/appointments", booking(nextStart())),
                op("public", "GET", "/api/v2/public/locations/no-such-shop/availability?date=2030-01-01", null)))));

        assertThat(results.get(0).get("status").asInt()).isEqualTo(401);
        assertThat(results.get(1).get("status").asInt()).isEqualTo(401);
        assertThat(results.get(2).get("status").asInt()).isEqualTo(404);
        assertThat(DB.count("SELECT count(*) FROM appointments WHERE client_id IS NULL AND location_id = '"
                + shop.locationId() + "'")).isZero();
    }

    @Test
    void anIdempotencyKeyPerOperationReplaysTheFirstResponse() {
        Map<String, Object> book = op("first", "POST", "/api/v2/appointments", booking(nextStart()));
        String key = UUID.randomUUID().toString();
        book.put("headers", Map.of("Idempotency-Key", key));
        Map<String, Object> retry = new HashMap<>(book);
        retry.put("id", "retry");

        JsonNode results = results(client.post("/api/v2/batch", Map.of("operations", List.of(book, retry))));

        assertThat(results.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(results.get(1).get("status").asInt()).isEqualTo(201);
        assertThat(results.get(1).get("headers").get("Idempotent-Replayed").asText()).isEqualTo("true");
        assertThat(results.get(1).get("body").get("id")).isEqualTo(results.get(0).get("body").get("id"));
    }

    @Test
    void rateLimitsCountEachOperation() {
        ApiClient caller = anonymous.register("Rate Limited Batcher").api();
        String summary = "/api/v2/analytics/locations/" + UUID.randomUUID() + "/summary?from=2030-01-01&to=2030-01-07";
        List<Map<String, Object>> ops = IntStream.range(0, 5).mapToObj(i -> op("a" + i, "GET", summary, null)).toList();

        JsonNode results = results(caller.post("/api/v2/batch", Map.of("operations", ops)));

        List<Integer> statuses = new ArrayList<>();
        results.forEach(r -> statuses.add(r.get("status").asInt()));
        assertThat(statuses).containsExactly(404, 404, 404, 429, 429);
        assertThat(results.get(3).get("body").get("error").asText()).isEqualTo("rate_limited");
        assertThat(results.get(3).get("headers").get("Retry-After").asText()).isNotBlank();
    }

    @Test
    void rateLimitsHoldUnderConcurrentBatchesAndDirectRequests() throws Exception {
        ApiClient caller = anonymous.register("Concurrent Batcher").api();
        String summary = "/api/v2/analytics/locations/" + UUID.randomUUID() + "/summary?from=2030-01-01&to=2030-01-07";
        List<Map<String, Object>> ops = IntStream.range(0, 5).mapToObj(i -> op("a" + i, "GET", summary, null)).toList();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Integer>>> sent = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            sent.add(pool.submit(() -> {
                start.await();
                List<Integer> statuses = new ArrayList<>();
                // each thread: one batch of five and one direct request, all racing the others
                results(caller.post("/api/v2/batch", Map.of("operations", ops)))
                        .forEach(r -> statuses.add(r.get("status").asInt()));
                statuses.add(caller.get(summary).status());
                return statuses;
            }));
        }
        start.countDown();
        List<Integer> all = new ArrayList<>();
        for (var f : sent) {
            all.addAll(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(all).hasSize(threads * 6);
        // the limit is 3: exactly three operations ran (404: the location is not the caller's), the rest 429
        assertThat(all.stream().filter(s -> s != 429).toList()).containsExactly(404, 404, 404);
    }

    @Test
    void aMalformedBatchIsRefusedWholeAndRunsNothing() {
        String start = nextStart();
        Map<String, Object> book = op("book", "POST", "/api/v2/appointments", booking(start));
        List<Object> fiftyOne = new ArrayList<>();
        IntStream.range(0, 51).forEach(i -> fiftyOne.add(op("op" + i, "GET", "/api/v2/auth/me", null)));
        Map<String, Object> withForbiddenHeader = op("h", "GET", "/api/v2/auth/me", null);
        withForbiddenHeader.put("headers", Map.of("Authorization", "Bearer someone-else"));

        assertThat(error(client.post("/api/v2/batch", Map.of("operations", List.of()))).status()).isEqualTo(422);
        assertThat(error(client.post("/api/v2/batch", Map.of("operations", fiftyOne))).status()).isEqualTo(422);
        assertThat(error(client.post("/api/v2/batch", Map.of("operations", List.of(book,
                op("book", "GET", "/api/v2/auth/me", null))))).json().get("error").asText())
                .isEqualTo("duplicate_operation_id");
        for (String path : List.of("/api/v2/batch", "/health", "/api/v2/../health", "/api/v2/x/../../health")) {
            assertThat(error(client.post("/api/v2/batch", Map.of("operations", List.of(book,
                    op("bad", "GET", path, null))))).status()).as(path).isEqualTo(422);
        }
        assertThat(error(client.post("/api/v2/batch", Map.of("operations", List.of(book, withForbiddenHeader))))
                .json().get("error").asText()).isEqualTo("header_not_allowed");
        assertThat(error(client.post("/api/v2/batch", Map.of("operations", List.of(op("m", "TRACE", "/api/v2/auth/me",
                null))))).status()).isEqualTo(422);
        assertThat(client.postRaw("/api/v2/batch", "application/json", "{\"operations\": [").status()).isEqualTo(400);
        assertThat(DB.count("SELECT count(*) FROM appointments WHERE location_id = '" + shop.locationId()
                + "' AND start_time = '" + start + "'")).isZero();
    }

    static Result error(Result response) {
        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        assertThat(response.json().get("request_id").asText()).isNotBlank();
        return response;
    }

}
