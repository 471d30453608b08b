package com.bookedbarber.command.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.command.CommandServiceTestApp;
import com.bookedbarber.testing.ApiClient;
import com.bookedbarber.testing.ShopFixture;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every connection of the command pool is taken by a booking waiting on a locked chair (the risk of
 * a pool sized to the database's cores, see DEPLOYMENT.md): a request that needs the database then
 * waits no longer than {@code maxWaitForConnection}, answers 503 {@code database_unavailable} with
 * Retry-After in the error shape and writes nothing; once the lock goes, the waiting bookings
 * complete and the pool serves again.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PoolExhaustionIT {
    private static final int POOL = 2;

    static final TestDatabase DB = TestDatabase.createMigrated();
    static final TestKafka KAFKA = TestKafka.shared();
    static final DropwizardAppExtension<CommandServiceConfiguration> APP = CommandServiceTestApp.extension(DB, KAFKA,
            ConfigOverride.config("database.maxSize", String.valueOf(POOL)),
            ConfigOverride.config("database.minSize", "1"),
            ConfigOverride.config("database.initialSize", "1"),
            ConfigOverride.config("database.maxWaitForConnection", "500ms"),
            // longer than the test needs the waiting bookings to hold their connections
            ConfigOverride.config("lockTimeout", "20s"));

    @Test
    void anExhaustedPoolAnswers503WithRetryAfterFastWritesNothingAndRecovers() throws Exception {
        ShopFixture shop = ShopFixture.create(DB.dataSource(), "UTC", 2, 30, 0, 2500);
        UUID lockedBarber = shop.barberIds().get(0);
        UUID freeBarber = shop.barberIds().get(1);
        ApiClient client = new ApiClient("http://127.0.0.1:" + APP.getLocalPort()).register("Pool Client").api();
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));

        List<CompletableFuture<ApiClient.Result>> waiting = new ArrayList<>();
        try (Connection c = DB.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            // another transaction holds the chair (say, a stuck reschedule), as bookings lock it
            s.execute("SELECT 1 FROM location_members WHERE user_id = '" + lockedBarber + "' FOR UPDATE");
            for (int i = 0; i < POOL; i++) {
                Map<String, Object> booking = booking(shop, lockedBarber, day.plus(Duration.ofHours(9 + i)));
                waiting.add(CompletableFuture.supplyAsync(() -> client.post("/api/v2/appointments", booking)));
            }
            // pg_stat_activity read on connections of DB.count's own: within one transaction it is a frozen snapshot
            await().atMost(Duration.ofSeconds(15)).until(() -> DB.count("SELECT count(*) FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND wait_event_type = 'Lock'") == POOL);

            // another barber's chair is free: what this request lacks is a connection
            long began = System.nanoTime();
            ApiClient.Result refused = client.post("/api/v2/appointments", booking(shop, freeBarber, day.plus(Duration.ofHours(9))));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().get("error").asText()).isEqualTo("database_unavailable");
            assertThat(refused.json().get("message").asText()).contains("no free connection");
            assertThat(refused.header("Retry-After")).contains("2");
            assertThat(refused.body()).doesNotContain("Exception", "tomcat", "at com.");
            assertThat(millis).as("bounded by maxWaitForConnection, not the 20 s lock timeout").isBetween(400L, 5000L);
            assertThat(waiting).noneMatch(CompletableFuture::isDone);
            c.rollback();
        }

        for (CompletableFuture<ApiClient.Result> booking : waiting) {
            assertThat(booking.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
        }
        assertThat(DB.count("SELECT count(*) FROM appointments WHERE barber_id = '" + freeBarber + "'"))
                .as("the refused booking wrote nothing").isZero();
        assertThat(DB.count("SELECT count(*) FROM outbox WHERE location_id = '" + shop.locationId() + "'"))
                .as("events of the two waiting bookings only").isEqualTo(POOL);
        ApiClient.Result retried = client.post("/api/v2/appointments", booking(shop, freeBarber, day.plus(Duration.ofHours(9))));
        assertThat(retried.status()).as("the same request once a connection is free").isEqualTo(201);
        assertThat(DB.count("SELECT count(*) FROM appointments WHERE location_id = '" + shop.locationId() + "'"))
                .isEqualTo(POOL + 1);
    }

    private static Map<String, Object> booking(ShopFixture shop, UUID barber, Instant start) {
        return Map.of("location_id", shop.locationId().toString(), "service_id", shop.serviceId().toString(),
                "barber_id", barber.toString(), "start", start.toString());
    }
}
