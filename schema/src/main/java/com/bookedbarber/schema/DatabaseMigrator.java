package com.bookedbarber.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the Flyway migrations packaged in this module (primary, outbox and projection tables). */
public final class DatabaseMigrator {
    public static final String LOCATION = "classpath:db/migration";

    private DatabaseMigrator() {
    }

    public static MigrateResult migrate(DataSource dataSource) {
        // several instances may start at once; Flyway serialises them with an advisory lock
        return flyway(dataSource).migrate();
    }

    /** Every migration known here or applied there, with its state. */
    public static MigrationInfoService info(DataSource dataSource) {
        return flyway(dataSource).info();
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations(LOCATION).load();
    }
}
