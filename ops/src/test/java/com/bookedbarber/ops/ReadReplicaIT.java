package com.bookedbarber.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.schema.DatabaseMigrator;
import com.bookedbarber.testing.ApiClient;
import com.bookedbarber.testing.FreePorts;
import com.bookedbarber.testing.TestKafka;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Analytics served from a real streaming replica: an embedded PostgreSQL primary, a standby made
 * from it with {@code pg_basebackup -R} (WAL streaming), and the command service with
 * {@code database} on the primary and {@code readDatabase} on the standby. Projection rows
 * written on the primary are answered from the standby once replayed, and the read data source
 * cannot write.
 */
class ReadReplicaIT {
    static final String PG_BASEBACKUP = System.getenv().getOrDefault("PG_BASEBACKUP",
            "/usr/lib/postgresql/15/bin/pg_basebackup");
    static EmbeddedPostgres primary;
    static EmbeddedPostgres standby;
    static DropwizardAppExtension<CommandServiceConfiguration> app;

    @BeforeAll
    static void primaryAndStandby() throws Throwable {
        // the standby is made by the PostgreSQL client tools of the same major version (15)
        Assumptions.assumeTrue(new File(PG_BASEBACKUP).canExecute(), "pg_basebackup 15 not installed");
        primary = EmbeddedPostgres.builder().setServerConfig("wal_level", "replica")
                .setServerConfig("max_wal_senders", "4").start();
        DatabaseMigrator.migrate(primary.getPostgresDatabase());
        Path standbyData = Files.createTempDirectory("bookedbarber-standby");
        Process backup = new ProcessBuilder(PG_BASEBACKUP, "-h", "127.0.0.1", "-p", String.valueOf(primary.getPort()),
                "-U", "postgres", "-D", standbyData.toString(), "-R", "-X", "stream", "-w")
                .redirectErrorStream(true).start();
        assertThat(backup.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(backup.exitValue()).as(new String(backup.getInputStream().readAllBytes())).isZero();
        standby = EmbeddedPostgres.builder().setDataDirectory(standbyData).setCleanDataDirectory(false)
                .setPort(FreePorts.next()).start();
        app = SystemUnderTest.commandService(url(primary), url(standby), TestKafka.shared());
        app.before();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.after();
        }
        if (standby != null) {
            standby.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    void analyticsAreAnsweredFromTheStandbyOnceItHasReplayedThePrimarysWrites() throws Exception {
        ApiClient api = new ApiClient("http://127.0.0.1:" + app.getLocalPort());
        ApiClient.Session owner = api.register("Replica Owner");
        UUID location = UUID.randomUUID();
        try (Connection c = primary.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO locations (id, name, slug, timezone, currency) VALUES ('" + location
                    + "', 'Replica Cuts', 'replica-" + location + "', 'Europe/Rome', 'EUR')");
            s.execute("INSERT INTO location_members (location_id, user_id, role) VALUES ('" + location + "', '"
                    + owner.userId() + "', 'owner')");
            // as the projection worker would write them, on the primary
            s.execute("INSERT INTO daily_revenue VALUES ('" + location + "', '2026-12-01', 'EUR', 4500, 500, 2, 1)");
            s.execute("INSERT INTO projection_locations (location_id, as_of) VALUES ('" + location
                    + "', '2026-12-01T18:00:00Z')");
        }
        // the last of those writes has been replayed on the standby
        await().atMost(Duration.ofSeconds(30)).until(() -> count(standby,
                "SELECT count(*) FROM projection_locations WHERE location_id = '" + location + "'") == 1);

        JsonNode report = owner.api().get("/api/v2/analytics/locations/" + location
                + "/daily-revenue?from=2026-12-01&to=2026-12-01").json();
        assertThat(report.get("totals").get("net_cents").asLong()).isEqualTo(4000);
        assertThat(report.get("as_of").asText()).isEqualTo("2026-12-01T18:00:00Z");
        // the read data source is on the standby: it cannot write
        try (Connection c = standby.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isTrue();
        }
        assertThat(app.getEnvironment().healthChecks().runHealthCheck("read-database").isHealthy()).isTrue();
    }

    static String url(EmbeddedPostgres pg) {
        return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres?user=postgres";
    }

    static long count(EmbeddedPostgres pg, String sql) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
