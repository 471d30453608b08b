package com.bookedbarber.command.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.command.CommandServiceTestApp;
import com.bookedbarber.testing.ApiClient;
import com.bookedbarber.testing.ApiClient.Result;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The per-route filters, against the running service with tight limits. */
@ExtendWith(DropwizardExtensionsSupport.class)
class FilterChainIT {
    static final TestDatabase DB = TestDatabase.createMigratedForJvm();
    static final TestKafka KAFKA = TestKafka.shared();
    static final DropwizardAppExtension<CommandServiceConfiguration> APP = CommandServiceTestApp.extension(DB, KAFKA,
            ConfigOverride.config("rateLimits.groups.analytics.requests", "3"),
            ConfigOverride.config("maxBodyBytes", "2048"));
    static ApiClient api;
    static ApiClient.Session session;


    @BeforeAll
    static void client() {
        api = new ApiClient("http://127.0.0.1:" + APP.getLocalPort());
        session = api.register("Filter Tester");
    }

    @Test
    void apiResponsesCarrySecurityHeadersAndHealthCarriesNone() {
        Result me = session.api().get("/api/v2/auth/me");
        assertThat(me.header("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'");
        assertThat(me.header("Strict-Transport-Security").orElseThrow()).contains("max-age=31536000");
        assertThat(me.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(me.header("Referrer-Policy")).isPresent();
        assertThat(me.header("Server")).isEmpty();
        Result unknownRoute = api.get("/api/v2/no-such-route");
        assertThat(unknownRoute.status()).isEqualTo(404);
        assertThat(unknownRoute.header("Content-Security-Policy")).isPresent();
        assertThat(unknownRoute.header("X-Request-Id")).isPresent();
        Result health = api.get("/health");
        assertThat(health.header("Content-Security-Policy")).isEmpty();
        assertThat(health.header("X-Request-Id")).isEmpty();
        assertThat(health.header("RateLimit-Limit")).isEmpty();
    }

    @Test
    void oversizedAndHostileBodiesAreRefusedInTheErrorShape() {
        Result large = session.api().post("/api/v2/appointments", Map.of("notes", "x".repeat(5000)));
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.json().get("error").asText()).isEqualTo("payload_too_large");

        String deep = "[".repeat(100) + "]".repeat(100);
        Result nested = session.api().postRaw("/api/v2/appointments", "application/json", deep);
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.json().get("error").asText()).isEqualTo("bad_json");
    }

    @Test
    void rateLimitsCountPerUserAndAnswer429WithRetryAfter() {
        String path = "/api/v2/analytics/locations/" + java.util.UUID.randomUUID()
                + "/hourly-bookings?from=2026-01-01&to=2026-01-02";
        ApiClient user = api.register("Rate Limited").api();
        for (int i = 0; i < 3; i++) {
            Result ok = user.get(path);
            assertThat(ok.status()).isEqualTo(404);
            assertThat(ok.header("RateLimit-Limit")).contains("3");
            assertThat(ok.header("RateLimit-Remaining")).contains(String.valueOf(2 - i));
        }
        Result limited = user.get(path);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("error").asText()).isEqualTo("rate_limited");
        assertThat(Integer.parseInt(limited.header("Retry-After").orElseThrow())).isBetween(1, 60);
        // another user has a budget of their own
        assertThat(session.api().get(path).status()).isEqualTo(404);
    }

    @Test
    void everyFilterRecordsItsCost() {
        session.api().get("/api/v2/auth/me");
        assertThat(APP.getEnvironment().metrics().getTimers().keySet())
                .contains("filters.request-id", "filters.security-headers", "filters.csrf", "filters.rate-limit");
    }
}
