package com.bookedbarber.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookedbarber.schema.DatabaseMigrator;
import com.bookedbarber.testing.TestDatabase;
import io.dropwizard.testing.ResourceHelpers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

class DbCommandIT {
    @Test
    void dbMigrateCreatesEveryTableAndIsIdempotentAndDbStatusListsThem() throws Exception {
        try (TestDatabase db = TestDatabase.createEmpty()) {
            System.setProperty("dw.database.url", db.jdbcUrl());
            try {
                String config = ResourceHelpers.resourceFilePath("test-command-service.yml");
                new CommandServiceApplication().run("db", "migrate", config);
                new CommandServiceApplication().run("db", "migrate", config);
                PrintStream out = System.out;
                ByteArrayOutputStream status = new ByteArrayOutputStream();
                System.setOut(new PrintStream(status, true, StandardCharsets.UTF_8));
                try {
                    new CommandServiceApplication().run("db", "status", config);
                } finally {
                    System.setOut(out);
                }
                assertThat(status.toString(StandardCharsets.UTF_8))
                        .contains("payments", "Success", "0 pending");
            } finally {
                System.clearProperty("dw.database.url");
            }
            var flyway = Flyway.configure().dataSource(db.dataSource()).locations(DatabaseMigrator.LOCATION).load();
            assertThat(flyway.info().applied()).isNotEmpty();
            assertThat(flyway.info().pending()).isEmpty();
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name IN "
                         + "('appointments', 'outbox', 'hourly_bookings', 'daily_revenue', 'projection_offsets')")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(5);
            }
        }
    }
}
