package com.bookedbarber.command.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.command.CommandServiceTestApp;
import com.bookedbarber.testing.ApiClient;
import com.bookedbarber.testing.ApiClient.Result;
import com.bookedbarber.testing.ShopFixture;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The analytics endpoints over projection rows written the way the worker writes them: zero-filled
 * days, totals, the location's currency only, as_of, ETag/304, range limits, and the summary's
 * figures against the previous period.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AnalyticsIT {
    static final TestDatabase DB = TestDatabase.createMigratedForJvm();
    static final TestKafka KAFKA = TestKafka.shared();
    static final DropwizardAppExtension<CommandServiceConfiguration> APP = CommandServiceTestApp.extension(DB, KAFKA);
    static ApiClient owner;
    static ShopFixture shop;

    @BeforeAll
    static void projections() throws Exception {
        ApiClient api = new ApiClient("http://127.0.0.1:" + APP.getLocalPort());
        shop = ShopFixture.create(DB.dataSource(), "Europe/Paris", 1, 30, 0, 2500);
        ApiClient.Session session = api.register("Analytics Owner");
        shop.addMember(DB.dataSource(), session.userId(), "owner");
        owner = session.api();
        String id = "'" + shop.locationId() + "'";
        try (Connection c = DB.connect(); Statement s = c.createStatement()) {
            // previous period (Dec 1-3): net 1000; this period (Dec 4-6): 9000 gross, 500 refunded
            s.execute("INSERT INTO daily_revenue VALUES (" + id + ", '2026-12-02', 'USD', 1000, 0, 1, 0), "
                    + "(" + id + ", '2026-12-04', 'USD', 6000, 0, 2, 0), "
                    + "(" + id + ", '2026-12-06', 'USD', 3000, 500, 1, 1), "
                    + "(" + id + ", '2026-12-06', 'EUR', 7777, 0, 1, 0)");
            s.execute("INSERT INTO hourly_bookings VALUES (" + id + ", '2026-12-04', 10, 2, 1, 3, 0), "
                    + "(" + id + ", '2026-12-05', 14, 1, 0, 0, 1), (" + id + ", '2026-12-06', 10, 0, 1, 1, 0), "
                    + "(" + id + ", '2026-12-06', 9, 1, 0, 0, 0)");
            s.execute("INSERT INTO projection_locations VALUES (" + id + ", '2026-12-06T18:00:00Z')");
        }
    }

    @Test
    void dailyRevenueIsZeroFilledInTheLocationsCurrencyWithTotalsAndAnEtag() {
        String path = "/api/v2/analytics/locations/" + shop.locationId() + "/daily-revenue?from=2026-12-03&to=2026-12-06";
        Result result = owner.get(path);
        assertThat(result.status()).isEqualTo(200);
        JsonNode report = result.json();
        assertThat(report.get("currency").asText()).isEqualTo("USD");
        assertThat(report.get("timezone").asText()).isEqualTo("Europe/Paris");
        assertThat(report.get("as_of").asText()).isEqualTo("2026-12-06T18:00:00Z");
        JsonNode days = report.get("days");
        assertThat(days).hasSize(4);
        assertThat(days.get(0).get("date").asText()).isEqualTo("2026-12-03");
        assertThat(days.get(0).get("gross_cents").asLong()).isZero();
        assertThat(days.get(3).get("net_cents").asLong()).isEqualTo(2500);
        assertThat(days.get(3).get("refunds").asInt()).isEqualTo(1);
        JsonNode totals = report.get("totals");
        assertThat(totals.get("gross_cents").asLong()).isEqualTo(9000);
        assertThat(totals.get("refunded_cents").asLong()).isEqualTo(500);
        assertThat(totals.get("net_cents").asLong()).isEqualTo(8500);
        assertThat(totals.get("payments").asLong()).isEqualTo(3);

        String etag = result.header("ETag").orElseThrow();
        assertThat(owner.get(path, "If-None-Match", etag).status()).isEqualTo(304);
        assertThat(owner.get("/api/v2/analytics/locations/" + shop.locationId()
                + "/daily-revenue?from=2026-01-01&to=2027-01-02").status()).isEqualTo(422);
        assertThat(owner.get("/api/v2/analytics/locations/" + shop.locationId()
                + "/daily-revenue?from=2026-12-06&to=2026-12-01").status()).isEqualTo(422);
    }

    @Test
    void answersComeFromTheCacheUntilTheProjectionsVersionMoves() throws Exception {
        String path = "/api/v2/analytics/locations/" + shop.locationId() + "/daily-revenue?from=2026-11-01&to=2026-11-02";
        String id = "'" + shop.locationId() + "'";
        assertThat(owner.get(path).json().get("totals").get("gross_cents").asLong()).isZero();
        try (Connection c = DB.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO daily_revenue VALUES (" + id + ", '2026-11-02', 'USD', 4200, 0, 1, 0)");
            // the row changed but the version did not (never so with the worker, which moves both in one
            // transaction): the cached answer is what comes back
            assertThat(owner.get(path).json().get("totals").get("gross_cents").asLong()).isZero();
            AnalyticsNotificationsIT.advanceProjection(s, shop.locationId());
        }
        // the new version reaches the service by notification: within milliseconds, not by the next request
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(owner.get(path).json().get("totals").get("gross_cents").asLong()).isEqualTo(4200));
    }

    @Test
    void largeAnswersAreGzippedForClientsThatAcceptItAndVaryBySaysSo() {
        String path = "/api/v2/analytics/locations/" + shop.locationId() + "/daily-revenue?from=2026-01-01&to=2026-12-31";
        Result gzipped = owner.get(path, "Accept-Encoding", "gzip");
        assertThat(gzipped.status()).isEqualTo(200);
        assertThat(gzipped.header("Content-Encoding")).contains("gzip");
        assertThat(gzipped.raw().headers().allValues("Vary")).anyMatch(v -> v.contains("Accept-Encoding"));
        Result plain = owner.get(path);
        assertThat(plain.header("Content-Encoding")).isEmpty();
        assertThat(plain.json().get("days")).hasSize(365);
        assertThat(gzipped.body().length()).isLessThan(plain.body().length() / 4);
        // small bodies are not worth it, and keep their length (Jersey buffers up to the gzip minimum)
        Result health = new ApiClient("http://127.0.0.1:" + APP.getLocalPort()).get("/health", "Accept-Encoding", "gzip");
        assertThat(health.header("Content-Encoding")).isEmpty();
        assertThat(health.header("Content-Length")).hasValue(String.valueOf(health.body().length()));
    }

    @Test
    void chunkedAnswersTakeTheirBuffersFromJettysPool() {
        String path = "/api/v2/analytics/locations/" + shop.locationId() + "/daily-revenue?from=2026-01-01&to=2026-03-31";
        assertThat(owner.get(path).header("Content-Length")).isEmpty();
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).findFirst().orElseThrow();
        // a collection frees unreachable direct buffers and would hide new ones: count again then
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            long collections = collections();
            long buffers = direct.getCount();
            for (int i = 0; i < 200; i++) {
                assertThat(owner.get(path).status()).isEqualTo(200);
            }
            assertThat(collections()).isEqualTo(collections);
            // Dropwizard's default pool minimum (64 bytes) sent Jetty's 12-byte chunk buffer past
            // the pool: one new direct buffer per chunked answer
            assertThat(direct.getCount() - buffers).isLessThan(20);
        });
    }

    @Test
    void theSummaryComparesWithThePreviousPeriodAndNamesTheBusiestHours() {
        JsonNode summary = owner.get("/api/v2/analytics/locations/" + shop.locationId()
                + "/summary?from=2026-12-04&to=2026-12-06").json();
        assertThat(summary.get("gross_cents").asLong()).isEqualTo(9000);
        assertThat(summary.get("refunded_cents").asLong()).isEqualTo(500);
        assertThat(summary.get("net_cents").asLong()).isEqualTo(8500);
        assertThat(summary.get("previous_net_cents").asLong()).isEqualTo(1000);
        assertThat(summary.get("net_change_ratio").asDouble()).isEqualTo(7.5);
        // 6 + 2 + 2 + 1 appointments; 2 cancelled, 1 no-show
        assertThat(summary.get("appointments").asLong()).isEqualTo(11);
        assertThat(summary.get("cancellation_rate").asDouble()).isEqualTo(2.0 / 11);
        assertThat(summary.get("no_show_rate").asDouble()).isEqualTo(1.0 / 11);
        JsonNode busiest = summary.get("busiest_hours");
        assertThat(busiest).hasSize(3);
        assertThat(busiest.get(0).get("hour").asInt()).isEqualTo(10);
        assertThat(busiest.get(0).get("appointments").asLong()).isEqualTo(6);
        assertThat(busiest.get(1).get("hour").asInt()).isEqualTo(14);
        assertThat(busiest.get(2).get("hour").asInt()).isEqualTo(9);

        JsonNode empty = owner.get("/api/v2/analytics/locations/" + shop.locationId()
                + "/summary?from=2025-01-01&to=2025-01-31").json();
        assertThat(empty.get("appointments").asLong()).isZero();
        assertThat(empty.get("cancellation_rate").isNull()).isTrue();
        assertThat(empty.get("net_change_ratio").isNull()).isTrue();
        assertThat(empty.get("busiest_hours")).isEmpty();
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }
}
