package com.bookedbarber.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.projection.ProjectionWorkerConfiguration;
import com.bookedbarber.testing.ApiClient;
import com.bookedbarber.testing.ApiClient.Result;
import com.bookedbarber.testing.ShopFixture;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** HTTP -> outbox -> Kafka -> projection worker -> projection tables -> HTTP, all real. */
@ExtendWith(DropwizardExtensionsSupport.class)
class EndToEndIT {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final TestDatabase DB = TestDatabase.createMigratedForJvm();
    static final TestKafka KAFKA = TestKafka.shared();
    static final DropwizardAppExtension<CommandServiceConfiguration> API = SystemUnderTest.commandService(DB, KAFKA);
    static final DropwizardAppExtension<ProjectionWorkerConfiguration> WORKER = SystemUnderTest.projectionWorker(DB, KAFKA);
    static ApiClient api;
    static ApiClient client;


    @BeforeAll
    static void client() {
        api = new ApiClient("http://127.0.0.1:" + API.getLocalPort());
        client = api.register("E2E Client").api();
    }

    @Test
    void aBookingShowsInHourlyBookingsAtItsLocalHour() throws Exception {
        ShopFixture shop = ShopFixture.create(DB.dataSource(), ZONE.getId(), 1, 45, 0, 3000);
        ApiClient owner = ownerOf(shop);
        ZonedDateTime local = ZonedDateTime.now(ZONE).plusDays(2).withHour(15).withMinute(30).withSecond(0).withNano(0);
        Result booked = client.post("/api/v2/appointments", Map.of("location_id", shop.locationId().toString(),
                "service_id", shop.serviceId().toString(), "start", local.toOffsetDateTime().toString()));
        assertThat(booked.status()).isEqualTo(201);

        String path = "/api/v2/analytics/locations/" + shop.locationId() + "/hourly-bookings?from="
                + local.toLocalDate() + "&to=" + local.toLocalDate().plusDays(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode hours = owner.get(path).json().get("hours");
            assertThat(hours).hasSize(1);
            assertThat(hours.get(0).get("date").asText()).isEqualTo(local.toLocalDate().toString());
            assertThat(hours.get(0).get("hour").asInt()).isEqualTo(15);
            assertThat(hours.get(0).get("booked").asInt()).isEqualTo(1);
        });
        Result view = owner.get(path);
        assertThat(view.json().get("timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(Instant.parse(view.json().get("as_of").asText()))
                .isEqualTo(Instant.parse(booked.json().get("created_at").asText()));
        String etag = view.header("ETag").orElseThrow();
        assertThat(owner.get(path, "If-None-Match", etag).status()).isEqualTo(304);

        // paying it in cash shows in daily revenue on today's local date, zero-filled around it
        Result paid = owner.post("/api/v2/payments", Map.of("appointment_id", booked.json().get("id").asText(),
                "method", "cash", "tip_cents", 500), "Idempotency-Key", java.util.UUID.randomUUID().toString());
        assertThat(paid.status()).isEqualTo(201);
        java.time.LocalDate today = java.time.LocalDate.now(ZONE);
        String revenue = "/api/v2/analytics/locations/" + shop.locationId() + "/daily-revenue?from="
                + today.minusDays(1) + "&to=" + today.plusDays(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode report = owner.get(revenue).json();
            assertThat(report.get("days")).hasSize(3);
            assertThat(report.get("days").get(1).get("date").asText()).isEqualTo(today.toString());
            assertThat(report.get("days").get(1).get("gross_cents").asLong()).isEqualTo(3500);
            assertThat(report.get("totals").get("net_cents").asLong()).isEqualTo(3500);
            assertThat(report.get("totals").get("payments").asLong()).isEqualTo(1);
        });
        assertThat(owner.get(revenue).json().get("currency").asText()).isEqualTo("USD");
        assertThat(reconcile(shop, today.minusDays(1), local.toLocalDate().plusDays(1))).isEqualTo("OK: no differences");

        // who may read: the shop's owner and managers; staff 403; everyone else 404
        ApiClient.Session barber = api.register("E2E Barber");
        shop.addMember(DB.dataSource(), barber.userId(), "barber");
        assertThat(barber.api().get(path).status()).isEqualTo(403);
        assertThat(client.get(path).status()).isEqualTo(404);
        assertThat(api.get(path).status()).isEqualTo(401);

        // range rules
        assertThat(owner.get("/api/v2/analytics/locations/" + shop.locationId()
                + "/hourly-bookings?from=2026-01-01&to=2027-01-02").status()).isEqualTo(422);
        assertThat(owner.get("/api/v2/analytics/locations/" + shop.locationId()
                + "/hourly-bookings?from=yesterday&to=2026-01-02").status()).isEqualTo(400);
        assertThat(owner.get("/api/v2/analytics/locations/" + java.util.UUID.randomUUID()
                + "/hourly-bookings?from=2026-01-01&to=2026-01-02").status()).isEqualTo(404);
    }

    @Test
    void adminPortsReportEveryDependency() {
        Result api = new ApiClient("http://127.0.0.1:" + API.getAdminPort()).get("/healthcheck");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().fieldNames()).toIterable()
                .contains("database", "read-database", "kafka", "outbox-backlog", "projection-lag", "card-provider",
                        "memory");
        Result worker = new ApiClient("http://127.0.0.1:" + WORKER.getAdminPort()).get("/healthcheck");
        assertThat(worker.status()).isEqualTo(200);
        assertThat(worker.json().fieldNames()).toIterable()
                .contains("database", "kafka", "projection-lag", "dead-letters", "memory");
        assertThat(new ApiClient("http://127.0.0.1:" + API.getAdminPort()).get("/metrics").body())
                .contains("outbox.publish-batch", "kafka.producer.record-send-total");
        assertThat(new ApiClient("http://127.0.0.1:" + WORKER.getAdminPort()).get("/metrics").body())
                .contains("kafka.consumer.records-lag-max", "projection.lag.offsets");
    }

    /**
     * The broker goes away for 30 seconds (-Doutage.seconds) while two clients keep booking: every
     * command succeeds without waiting for Kafka, and once the broker is back the outbox drains and
     * the read model reconciles with the primary data, each event applied once.
     */
    @Test
    void aKafkaOutageUnderLoadDelaysButNeitherLosesNorDoublesAnEvent() throws Exception {
        ShopFixture shop = ShopFixture.create(DB.dataSource(), ZONE.getId(), 3, 30, 0, 2000);
        ApiClient owner = ownerOf(shop);
        LocalDate first = LocalDate.now(ZONE).plusDays(2);
        assertThat(bookSlot(shop, first, 0).status()).isEqualTo(201);
        AtomicInteger next = new AtomicInteger(1);
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> slowest = java.util.Collections.synchronizedList(new ArrayList<>());
        long outage = Duration.ofSeconds(Long.getLong("outage.seconds", 30)).toNanos();
        KAFKA.stopBroker();
        try {
            long end = System.nanoTime() + outage;
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Thread thread = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        long started = System.nanoTime();
                        statuses.add(bookSlot(shop, first, next.getAndIncrement()).status());
                        slowest.add(System.nanoTime() - started);
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                thread.start();
                clients.add(thread);
            }
            for (Thread thread : clients) {
                thread.join();
            }
            // commands never wait for the broker
            assertThat(statuses).hasSizeGreaterThan(100).allSatisfy(status -> assertThat(status).isEqualTo(201));
            assertThat(java.util.Collections.max(slowest)).isLessThan(Duration.ofSeconds(2).toNanos());
            System.out.printf("kafka outage: %d bookings while the broker was down, all 201, slowest %d ms%n",
                    statuses.size(), java.util.Collections.max(slowest) / 1_000_000);
            assertThat(DB.count("SELECT count(*) FROM outbox WHERE location_id = '" + shop.locationId()
                    + "' AND published_at IS NULL")).isPositive();
        } finally {
            KAFKA.startBroker();
        }
        long booked = statuses.size() + 1;
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(DB.count(
                "SELECT count(*) FROM outbox WHERE published_at IS NULL")).isZero());
        // exactly once in effect: every event of this shop applied once, counts equal the primary data
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(DB.count(
                "SELECT count(*) FROM projection_applied_events a JOIN outbox o ON o.event_id = a.event_id "
                        + "WHERE o.location_id = '" + shop.locationId() + "'")).isEqualTo(booked));
        assertThat(DB.count("SELECT sum(booked) FROM hourly_bookings WHERE location_id = '" + shop.locationId() + "'"))
                .isEqualTo(booked);
        LocalDate last = first.plusDays((next.get() / (3 * SLOTS_PER_DAY)) + 1);
        assertThat(reconcile(shop, first, last)).isEqualTo("OK: no differences");
        String path = "/api/v2/analytics/locations/" + shop.locationId() + "/hourly-bookings?from=" + first + "&to=" + last;
        assertThat(owner.get(path).json().get("hours").findValues("booked").stream().mapToLong(JsonNode::asLong).sum())
                .isEqualTo(booked);
    }

    /** Half-hour slots from 01:00 to 23:00 local, three barbers: the k-th distinct (day, barber, time). */
    private static final int SLOTS_PER_DAY = 44;

    private static Result bookSlot(ShopFixture shop, LocalDate first, int k) {
        int barber = k % 3;
        int slot = (k / 3) % SLOTS_PER_DAY;
        LocalDate day = first.plusDays(k / (3 * SLOTS_PER_DAY));
        return client.post("/api/v2/appointments", Map.of("location_id", shop.locationId().toString(),
                "service_id", shop.serviceId().toString(), "barber_id", shop.barberIds().get(barber).toString(),
                "start", day.atTime(1, 0).plusMinutes(30L * slot).atZone(ZONE).toOffsetDateTime().toString()));
    }

    /** The worker's reconcile task: the projections recomputed from the primary tables, differences listed. */
    private static String reconcile(ShopFixture shop, LocalDate from, LocalDate to) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                        + WORKER.getAdminPort() + "/tasks/reconcile?location_id=" + shop.locationId() + "&from=" + from
                        + "&to=" + to))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        return java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString()).body().trim();
    }

    private static ApiClient ownerOf(ShopFixture shop) {
        ApiClient.Session owner = api.register("E2E Owner");
        shop.addMember(DB.dataSource(), owner.userId(), "owner");
        return owner.api();
    }


    /** Each series the Grafana dashboard in ops/dashboards draws is one these services report to Graphite. */
    @Test
    void everyMetricTheDashboardDrawsExistsInTheRunningServices() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(new File("dashboards/bookedbarber.json"));
        Pattern series = Pattern.compile("bookedbarber\\.(command-service|projection-worker)\\.(?:\\$instance|\\*)\\."
                + "((?:[A-Za-z0-9_*-]|\\{[^}]*}|\\.)+)");
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher m = series.matcher(target.get("target").asText());
                while (m.find()) {
                    checked++;
                    var registry = (m.group(1).equals("command-service") ? API : WORKER).getEnvironment().metrics();
                    Pattern glob = GraphiteNames.glob(m.group(2));
                    if (GraphiteNames.reported(registry).noneMatch(name -> glob.matcher(name).matches())) {
                        missing.add(m.group(0));
                    }
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(30);
        assertThat(missing).isEmpty();
    }
}
