package com.bookedbarber.command.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.command.CommandServiceTestApp;
import com.bookedbarber.command.MfaSessions;
import com.bookedbarber.testing.ApiClient;
import com.bookedbarber.testing.ShopFixture;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input across every route of the OpenAPI document: 10,000 requests built from the
 * documented routes and example bodies, then mutated (fields dropped, retyped, oversized or
 * added; broken JSON; wrong media types; garbage path and query parameters; bad or missing
 * credentials and headers). Every answer must be below 500 (503 only as the contract's "retry
 * later"), come within the timeout, carry the contract's error body when it is an error, and a
 * rejected request must change no data. The seed is printed, so a failure can be replayed.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FuzzIT {
    static final TestDatabase DB = TestDatabase.createMigratedForJvm();
    static final TestKafka KAFKA = TestKafka.shared();
    static final DropwizardAppExtension<CommandServiceConfiguration> APP = CommandServiceTestApp.extension(DB, KAFKA);
    static final ObjectMapper JSON = new ObjectMapper();
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final List<Object> HOSTILE_VALUES = List.of("", " ", "x".repeat(70_000), -1, 0, Long.MAX_VALUE, 1e308, -0.5,
            true, List.of(), Map.of(), "2026-02-30T25:61:00Z", "../../etc/passwd", "' OR 1=1 --", "<script>",
            "\u0000", "😀".repeat(100), UUID.randomUUID().toString(), "9999-12-31T23:59:59Z", "NaN");
    static final List<String> HOSTILE_SEGMENTS = List.of("not-a-uuid", "%00", "%2e%2e", "..%2F..%2F", "'%20OR%201=1",
            "x".repeat(3000), "00000000-0000-0000-0000-000000000000", "%F0%9F%98%80", "-1", "%25");
    static final List<String> HOSTILE_QUERIES = List.of("from=2026-13-45&to=x", "limit=-1", "limit=100000000000",
            "cursor=%25%25%25", "cursor=" + "A".repeat(5000), "date=2026-02-30", "from=2030-01-01&to=2020-01-01",
            "location_id=not-a-uuid", "status=nonsense", "service_id=", "session=cookie", "from=1&from=2");

    record Route(String method, String path, JsonNode example) {
    }

    @Test
    void noHostileRequestGetsA500OrAHangOrAnOddErrorOrChangesData() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("FuzzIT seed: " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        String base = "http://127.0.0.1:" + APP.getLocalPort();
        ApiClient anonymous = new ApiClient(base);
        ZoneId zone = ZoneId.of("Europe/Madrid");
        ShopFixture shop = ShopFixture.create(DB.dataSource(), zone.getId(), 2, 30, 5, 2_500);
        ApiClient.Session ownerSession = anonymous.register("Fuzz Owner");
        shop.addMember(DB.dataSource(), ownerSession.userId(), "owner");
        ApiClient owner = MfaSessions.verified(anonymous, ownerSession);
        ApiClient.Session clientSession = anonymous.register("Fuzz Client");
        String appointment = clientSession.api().post("/api/v2/appointments", Map.of(
                "location_id", shop.locationId().toString(), "service_id", shop.serviceId().toString(),
                "barber_id", shop.barberIds().get(0).toString(),
                "start", LocalDate.now(zone).plusDays(3).atTime(11, 0).atZone(zone).toOffsetDateTime().toString()))
                .json().get("id").asText();
        List<String> tokens = List.of(owner.authorization(), clientSession.api().authorization(), "", "Bearer not.a.jwt",
                "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "Basic dXNlcjpwYXNz");
        Map<String, List<String>> pathValues = Map.of(
                "id", List.of(shop.locationId().toString(), appointment, UUID.randomUUID().toString()),
                "barber_id", List.of(shop.barberIds().get(0).toString()),
                "barberId", List.of(shop.barberIds().get(0).toString()),
                "slug", List.of("fuzz-" + shop.locationId(), "no-such-shop"));
        List<Route> routes = routes(anonymous.get("/openapi.json").json());
        assertThat(routes).hasSizeGreaterThan(30);

        List<String> failures = new ArrayList<>();
        int fiveHundreds = 0;
        for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
            Route route = routes.get(random.nextInt(routes.size()));
            HttpRequest request = mutate(base, route, random, tokens, pathValues);
            String before = snapshot();
            HttpResponse<String> response;
            try {
                response = send(request);
            } catch (java.net.http.HttpTimeoutException hang) {
                failures.add("no answer within 10 s: " + describe(request));
                continue;
            } catch (java.io.IOException dropped) {
                failures.add("connection dropped without an answer (" + dropped.getMessage() + "): " + describe(request));
                continue;
            }
            String problem = problem(response);
            if (problem != null) {
                failures.add(problem + ": " + describe(request) + " -> " + response.statusCode() + " "
                        + abbreviate(response.body()));
                fiveHundreds += response.statusCode() >= 500 ? 1 : 0;
            } else if (response.statusCode() >= 400 && !before.equals(snapshot())) {
                failures.add("rejected but changed data: " + describe(request) + " -> " + response.statusCode());
            }
        }
        assertThat(failures).as("seed " + seed + ", 5xx: " + fiveHundreds).isEmpty();
    }

    /**
     * Sends once more, on a new connection, when a kept-alive connection turns out closed: after
     * refusing a request without reading its whole body Jetty closes the connection, and a client
     * that reused it meanwhile sees no answer. Any HTTP client retries that; a second failure counts.
     */
    static HttpResponse<String> send(HttpRequest request) throws Exception {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException hang) {
            throw hang;
        } catch (java.io.IOException closed) {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    static List<Route> routes(JsonNode document) {
        List<Route> routes = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                routes.add(new Route(op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                        op.getValue().at("/requestBody/content/application~1json/example")))));
        return routes;
    }

    static HttpRequest mutate(String base, Route route, Random random, List<String> tokens,
                              Map<String, List<String>> pathValues) throws Exception {
        StringBuilder path = new StringBuilder();
        for (String segment : route.path().split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String value = segment;
            if (segment.startsWith("{")) {
                String name = segment.substring(1, segment.length() - 1);
                List<String> good = pathValues.getOrDefault(name, List.of(UUID.randomUUID().toString()));
                value = random.nextInt(4) == 0 ? pick(random, HOSTILE_SEGMENTS) : pick(random, good);
            }
            path.append('/').append(value);
        }
        if (random.nextInt(3) == 0) {
            path.append('?').append(pick(random, HOSTILE_QUERIES));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        String token = pick(random, tokens);
        if (!token.isEmpty()) {
            request.header("Authorization", token);
        }
        if (random.nextInt(5) == 0) {
            request.header("Idempotency-Key", random.nextBoolean() ? UUID.randomUUID().toString() : "k".repeat(300));
        }
        if (random.nextInt(8) == 0) {
            request.header("If-Match", pick(random, List.of("\"1\"", "garbage", "\"999999999999\"", "*")));
        }
        if (route.method().equals("GET") || route.method().equals("DELETE")) {
            return request.method(route.method(), HttpRequest.BodyPublishers.noBody()).build();
        }
        byte[] body = body(route.example(), random);
        String type = random.nextInt(12) == 0 ? pick(random, List.of("text/plain", "application/xml", "application/json; charset=latin1"))
                : "application/json";
        return request.header("Content-Type", type).method(route.method(), HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    static byte[] body(JsonNode example, Random random) throws Exception {
        ObjectNode body = example != null && example.isObject() ? example.deepCopy() : JSON.createObjectNode();
        switch (random.nextInt(10)) {
            case 0 -> {
                return "{\"unterminated\": ".getBytes(StandardCharsets.UTF_8);
            }
            case 1 -> {
                return pick(random, List.of("[]", "null", "42", "\"text\"", "", "{}")).getBytes(StandardCharsets.UTF_8);
            }
            case 2 -> {
                byte[] noise = new byte[random.nextInt(2_000) + 1];
                random.nextBytes(noise);
                return noise;
            }
            case 3 -> {
                return ("[".repeat(200) + "]".repeat(200)).getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> {
                return ("{\"x\":\"" + "y".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                List<String> fields = new ArrayList<>();
                body.fieldNames().forEachRemaining(fields::add);
                int edits = random.nextInt(3) + 1;
                for (int e = 0; e < edits; e++) {
                    if (!fields.isEmpty() && random.nextBoolean()) {
                        String field = pick(random, fields);
                        if (random.nextInt(3) == 0) {
                            body.remove(field);
                        } else {
                            body.set(field, JSON.valueToTree(pick(random, HOSTILE_VALUES)));
                        }
                    } else {
                        body.set("unexpected_" + random.nextInt(5), JSON.valueToTree(pick(random, HOSTILE_VALUES)));
                    }
                }
                return JSON.writeValueAsBytes(body);
            }
        }
    }

    /** What is wrong with the answer, or null: below 500 (503 as "retry later"), and errors in the contract's shape. */
    static String problem(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500 && status != 503) {
            return "server error";
        }
        if (status < 400) {
            return null;
        }
        try {
            JsonNode error = JSON.readTree(response.body());
            boolean shaped = error != null && error.path("code").asInt() == status && error.path("error").isTextual()
                    && error.path("message").isTextual() && error.path("request_id").isTextual();
            if (!shaped) {
                return "error body not in the contract's shape";
            }
            return status == 503 && response.headers().firstValue("Retry-After").isEmpty() ? "503 without Retry-After" : null;
        } catch (Exception notJson) {
            return "error body is not JSON";
        }
    }

    /** Counts and version sums of what a request may change; equal before and after a rejected request. */
    static String snapshot() throws Exception {
        try (Connection c = DB.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT (SELECT count(*) FROM appointments), (SELECT coalesce(sum(version), 0) FROM appointments), "
                        + "(SELECT count(*) FROM payments), (SELECT coalesce(sum(version), 0) FROM payments), "
                        + "(SELECT count(*) FROM refunds), (SELECT count(*) FROM outbox), (SELECT count(*) FROM locations), "
                        + "(SELECT count(*) FROM location_members), (SELECT count(*) FROM services), "
                        + "(SELECT count(*) FROM barber_hours), (SELECT count(*) FROM barber_time_off), "
                        + "(SELECT count(*) FROM users)")) {
            rs.next();
            StringBuilder state = new StringBuilder();
            for (int i = 1; i <= 12; i++) {
                state.append(rs.getLong(i)).append(',');
            }
            return state.toString();
        }
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static String describe(HttpRequest request) {
        return request.method() + " " + abbreviate(request.uri().toString()) + " " + request.headers().map().keySet();
    }

    static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
