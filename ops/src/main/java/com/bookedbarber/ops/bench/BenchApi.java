package com.bookedbarber.ops.bench;

import com.bookedbarber.ops.bench.LoadRunner.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * The API calls of the benchmark scenarios, each answering how it ended. Apache HttpClient's
 * classic (blocking) client: each call runs on the load thread that makes it, over a pooled
 * keep-alive connection. The JDK's client handed every call between its caller, a selector
 * thread and an executor, and on this 2-core machine cost more CPU per request than the server
 * spent answering /health, CPU the measured system then did not get. No compression is asked
 * for (the JDK's client asked for none either), no cookies, no retries.
 */
final class BenchApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String api;
    private final CloseableHttpClient http = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(512).setMaxConnPerRoute(512).build())
            .disableContentCompression().disableCookieManagement().disableAutomaticRetries()
            .disableRedirectHandling().build();

    /** A response read whole: its status and body (the body only where a call needs it). */
    private record Answer(int status, String body) {
    }

    BenchApi(String api) {
        this.api = api;
    }

    /** Registers a new user; returns its session (its tokens, refreshed when due). */
    BenchSession register(String name) throws Exception {
        String body = JSON.writeValueAsString(Map.of("email", name.toLowerCase().replace(' ', '-') + "-" + UUID.randomUUID()
                + "@bench.test", "password", "benchmark user password", "name", name));
        Answer answer = send(post("/api/v2/auth/register", body, null), true);
        if (answer.status() != 201) {
            throw new IllegalStateException("register answered " + answer.status() + ": " + answer.body());
        }
        return new BenchSession(JSON.readTree(answer.body()), this::refresh, Clock.systemUTC());
    }

    /** A new token pair for a refresh token (which the server then rotates). */
    JsonNode refresh(String refreshToken) throws Exception {
        Answer answer = send(post("/api/v2/auth/refresh", JSON.writeValueAsString(Map.of("refresh_token", refreshToken)),
                null), true);
        if (answer.status() != 200) {
            throw new IllegalStateException("refresh answered " + answer.status() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    Outcome health() throws Exception {
        return status(send(get("/health", null), false).status(), 200);
    }

    /** Books; returns the new appointment's id, or null for a conflict. */
    String book(BenchData.Shop shop, String token, UUID barber, Instant start) throws Exception {
        String body = JSON.writeValueAsString(Map.of("location_id", shop.location().toString(),
                "service_id", shop.service().toString(), "barber_id", barber.toString(), "start", start.toString()));
        Answer answer = send(post("/api/v2/appointments", body, token), true);
        if (answer.status() == 201) {
            return JSON.readTree(answer.body()).get("id").asText();
        }
        if (answer.status() == 409) {
            return null;
        }
        throw new IllegalStateException("booking answered " + answer.status());
    }

    Outcome availability(BenchData.Shop shop, String token, LocalDate date) throws Exception {
        return status(send(get("/api/v2/locations/" + shop.location() + "/availability?date=" + date
                + "&service_id=" + shop.service(), token), false).status(), 200);
    }

    Outcome appointmentList(BenchData.Shop shop, String token, LocalDate from) throws Exception {
        return status(send(get("/api/v2/appointments?location_id=" + shop.location() + "&from=" + from
                + "T00:00:00Z&to=" + from.plusDays(1) + "T00:00:00Z&limit=50", token), false).status(), 200);
    }

    Outcome analytics(BenchData.Shop shop, String token, String report, LocalDate from, int days) throws Exception {
        return status(send(get("/api/v2/analytics/locations/" + shop.location() + "/" + report + "?from=" + from
                + "&to=" + from.plusDays(days), token), false).status(), 200);
    }

    Outcome cashPayment(String ownerToken, UUID appointment) throws Exception {
        String body = JSON.writeValueAsString(Map.of("appointment_id", appointment.toString(), "method", "cash"));
        HttpPost request = post("/api/v2/payments", body, ownerToken);
        request.setHeader("Idempotency-Key", UUID.randomUUID().toString());
        int status = send(request, false).status();
        return status == 201 ? Outcome.OK : status == 409 ? Outcome.CONFLICT : Outcome.ERROR;
    }

    /** The worker's total offset lag, from its metrics (the records it has not applied yet). */
    long workerLag(String workerAdmin) throws Exception {
        Answer answer = send(new HttpGet(workerAdmin + "/metrics"), true);
        return JSON.readTree(answer.body()).path("gauges").path("projection.lag.offsets").path("value").asLong(0);
    }

    private static Outcome status(int status, int expected) {
        return status == expected ? Outcome.OK : Outcome.ERROR;
    }

    /** Sends on the calling thread; the body is read to the end either way, so the connection is reused. */
    private Answer send(ClassicHttpRequest request, boolean keepBody) throws Exception {
        return http.execute(request, response -> {
            HttpEntity entity = response.getEntity();
            if (keepBody) {
                return new Answer(response.getCode(), entity == null ? "" : EntityUtils.toString(entity,
                        StandardCharsets.UTF_8));
            }
            EntityUtils.consume(entity);
            return new Answer(response.getCode(), null);
        });
    }

    private HttpGet get(String path, String token) {
        HttpGet get = new HttpGet(api + path);
        if (token != null) {
            get.setHeader("Authorization", "Bearer " + token);
        }
        return get;
    }

    private HttpPost post(String path, String body, String token) {
        HttpPost post = new HttpPost(api + path);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        if (token != null) {
            post.setHeader("Authorization", "Bearer " + token);
        }
        return post;
    }
}
