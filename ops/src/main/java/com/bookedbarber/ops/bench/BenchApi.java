package com.bookedbarber.ops.bench;

import com.bookedbarber.ops.bench.LoadRunner.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/** The API calls of the benchmark scenarios, each answering how it ended. */
final class BenchApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String api;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8)).build();

    BenchApi(String api) {
        this.api = api;
    }

    /** Registers a new user; returns its id and access token. */
    JsonNode register(String name) throws Exception {
        String body = JSON.writeValueAsString(Map.of("email", name.toLowerCase().replace(' ', '-') + "-" + UUID.randomUUID()
                + "@bench.test", "password", "benchmark user password", "name", name));
        HttpResponse<String> response = http.send(post("/api/v2/auth/register", body, null), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("register answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    Outcome health() throws Exception {
        return status(http.send(get("/health", null), HttpResponse.BodyHandlers.discarding()).statusCode(), 200);
    }

    /** Books; returns the new appointment's id, or null for a conflict. */
    String book(BenchData.Shop shop, String token, UUID barber, Instant start) throws Exception {
        String body = JSON.writeValueAsString(Map.of("location_id", shop.location().toString(),
                "service_id", shop.service().toString(), "barber_id", barber.toString(), "start", start.toString()));
        HttpResponse<String> response = http.send(post("/api/v2/appointments", body, token),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 201) {
            return JSON.readTree(response.body()).get("id").asText();
        }
        if (response.statusCode() == 409) {
            return null;
        }
        throw new IllegalStateException("booking answered " + response.statusCode());
    }

    Outcome availability(BenchData.Shop shop, String token, LocalDate date) throws Exception {
        return status(http.send(get("/api/v2/locations/" + shop.location() + "/availability?date=" + date
                + "&service_id=" + shop.service(), token), HttpResponse.BodyHandlers.discarding()).statusCode(), 200);
    }

    Outcome appointmentList(BenchData.Shop shop, String token, LocalDate from) throws Exception {
        return status(http.send(get("/api/v2/appointments?location_id=" + shop.location() + "&from=" + from
                + "T00:00:00Z&to=" + from.plusDays(1) + "T00:00:00Z&limit=50", token),
                HttpResponse.BodyHandlers.discarding()).statusCode(), 200);
    }

    Outcome analytics(BenchData.Shop shop, String token, String report, LocalDate from, int days) throws Exception {
        return status(http.send(get("/api/v2/analytics/locations/" + shop.location() + "/" + report + "?from=" + from
                + "&to=" + from.plusDays(days), token), HttpResponse.BodyHandlers.discarding()).statusCode(), 200);
    }

    Outcome cashPayment(String ownerToken, UUID appointment) throws Exception {
        String body = JSON.writeValueAsString(Map.of("appointment_id", appointment.toString(), "method", "cash"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/api/v2/payments"))
                .header("Authorization", "Bearer " + ownerToken).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        return status == 201 ? Outcome.OK : status == 409 ? Outcome.CONFLICT : Outcome.ERROR;
    }

    /** The worker's total offset lag, from its metrics (the records it has not applied yet). */
    long workerLag(String workerAdmin) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(workerAdmin + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("gauges").path("projection.lag.offsets").path("value").asLong(0);
    }

    private static Outcome status(int status, int expected) {
        return status == expected ? Outcome.OK : Outcome.ERROR;
    }

    private HttpRequest get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private HttpRequest post(String path, String body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }
}
