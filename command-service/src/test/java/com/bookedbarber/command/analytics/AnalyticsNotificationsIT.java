package com.bookedbarber.command.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.command.CommandServiceTestApp;
import com.bookedbarber.platform.db.NotificationChannels;
import com.bookedbarber.testing.ApiClient;
import com.bookedbarber.testing.ShopFixture;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import com.codahale.metrics.Timer;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Analytics answer from memory (who may read, which projection version is current) and stay
 * coherent through PostgreSQL notifications: a cached answer runs no query, a revoked manager is
 * refused at once, a new projection version is served at once, and a lost listening connection
 * sends every request back to the database until it is listening again.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AnalyticsNotificationsIT {
    static final TestDatabase DB = TestDatabase.createMigratedForJvm();
    static final DropwizardAppExtension<CommandServiceConfiguration> APP =
            CommandServiceTestApp.extension(DB, TestKafka.shared());
    static final Duration PROMPTLY = Duration.ofSeconds(5);
    static final String LISTENER = "WHERE application_name = 'command-service notifications' "
            + "AND datname = current_database()";

    /** What the projection worker does to a location with each batch: a new version, announced. */
    static void advanceProjection(Statement s, UUID locationId) throws SQLException {
        String id = "'" + locationId + "'";
        s.execute("INSERT INTO projection_locations (location_id, as_of) VALUES (" + id + ", now()) "
                + "ON CONFLICT (location_id) DO UPDATE SET version = projection_locations.version + 1");
        s.execute("SELECT pg_notify('" + NotificationChannels.PROJECTION_VERSIONS + "', location_id || ' ' || version) "
                + "FROM projection_locations WHERE location_id = " + id);
    }

    @Test
    void aCachedAnswerRunsNoQueryAtAll() throws Exception {
        Shop shop = shopWithManager();
        shop.addRevenue(1234);
        String path = shop.dailyRevenue();
        assertThat(shop.manager.get(path).json().get("totals").get("gross_cents").asLong()).isEqualTo(1234);
        long access = statements("AnalyticsAccessDao.access");
        long state = statements("ProjectionStateDao.state");
        long reports = statements("AnalyticsDao.dailyRevenue");
        // the first answer ran all three: the timers are there to count what the cached ones run
        assertThat(access).isPositive();
        assertThat(state).isPositive();
        assertThat(reports).isPositive();
        for (int i = 0; i < 20; i++) {
            assertThat(shop.manager.get(path).status()).isEqualTo(200);
        }
        assertThat(statements("AnalyticsAccessDao.access")).isEqualTo(access);
        assertThat(statements("ProjectionStateDao.state")).isEqualTo(state);
        assertThat(statements("AnalyticsDao.dailyRevenue")).isEqualTo(reports);
    }

    @Test
    void aRevokedManagerIsRefusedAsSoonAsTheChangeCommits() throws Exception {
        Shop shop = shopWithManager();
        assertThat(shop.manager.get(shop.dailyRevenue()).status()).isEqualTo(200);
        assertThat(shop.manager.get(shop.dailyRevenue()).status()).isEqualTo(200);
        shop.sql("UPDATE location_members SET role = 'barber' WHERE user_id = '" + shop.managerId + "'");
        await().atMost(PROMPTLY).until(() -> shop.manager.get(shop.dailyRevenue()).status() == 403);
        shop.sql("DELETE FROM location_members WHERE user_id = '" + shop.managerId + "'");
        await().atMost(PROMPTLY).until(() -> shop.manager.get(shop.dailyRevenue()).status() == 404);
        // and a location's settings are its answers' too
        shop.sql("INSERT INTO location_members (location_id, user_id, role) VALUES ('" + shop.fixture.locationId()
                + "', '" + shop.managerId + "', 'manager')");
        await().atMost(PROMPTLY).until(() -> shop.manager.get(shop.dailyRevenue()).status() == 200);
        shop.sql("UPDATE locations SET currency = 'EUR' WHERE id = '" + shop.fixture.locationId() + "'");
        await().atMost(PROMPTLY).until(() ->
                shop.manager.get(shop.dailyRevenue()).json().get("currency").asText().equals("EUR"));
    }

    @Test
    void aLostListenerSendsRequestsToTheDatabaseUntilItListensAgain() throws Exception {
        Shop shop = shopWithManager();
        assertThat(shop.manager.get(shop.dailyRevenue()).status()).isEqualTo(200);
        int before = listeners();
        assertThat(before).isEqualTo(1);
        // the change's notification dies with the connection: the cache must not outlive it
        shop.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity " + LISTENER);
        shop.sql("UPDATE location_members SET role = 'receptionist' WHERE user_id = '" + shop.managerId + "'");
        await().atMost(PROMPTLY).until(() -> shop.manager.get(shop.dailyRevenue()).status() == 403);

        await().atMost(PROMPTLY).until(() -> listening() && listeners() == 1);
        shop.sql("UPDATE location_members SET role = 'owner' WHERE user_id = '" + shop.managerId + "'");
        await().atMost(PROMPTLY).until(() -> shop.manager.get(shop.dailyRevenue()).status() == 200);
        shop.addRevenue(777);
        await().atMost(PROMPTLY).until(() ->
                shop.manager.get(shop.dailyRevenue()).json().get("totals").get("gross_cents").asLong() == 777);
    }

    private static Shop shopWithManager() {
        ShopFixture fixture = ShopFixture.create(DB.dataSource(), "America/New_York", 1, 30, 0, 2500);
        ApiClient.Session manager = new ApiClient("http://127.0.0.1:" + APP.getLocalPort()).register("Analytics Manager");
        fixture.addMember(DB.dataSource(), manager.userId(), "manager");
        return new Shop(fixture, manager.userId(), manager.api());
    }

    private record Shop(ShopFixture fixture, UUID managerId, ApiClient manager) {
        String dailyRevenue() {
            return "/api/v2/analytics/locations/" + fixture.locationId() + "/daily-revenue?from=2026-12-01&to=2026-12-02";
        }

        /** A payment's revenue as the worker would project it, with the version it moves. */
        void addRevenue(long cents) throws SQLException {
            try (Connection c = DB.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO daily_revenue VALUES ('" + fixture.locationId() + "', '2026-12-01', 'USD', "
                        + cents + ", 0, 1, 0)");
                advanceProjection(s, fixture.locationId());
            }
        }

        void sql(String statement) throws SQLException {
            try (Connection c = DB.connect(); Statement s = c.createStatement()) {
                s.execute(statement);
            }
        }
    }

    private static long statements(String daoMethod) {
        return APP.getEnvironment().metrics().getTimers().entrySet().stream()
                .filter(e -> e.getKey().endsWith(daoMethod)).map(java.util.Map.Entry::getValue)
                .mapToLong(Timer::getCount).sum();
    }

    private static boolean listening() {
        return (Boolean) APP.getEnvironment().metrics().getGauges().get("analytics.notifications.listening").getValue();
    }

    private static int listeners() {
        return (int) DB.count("SELECT count(*) FROM pg_stat_activity " + LISTENER);
    }
}
