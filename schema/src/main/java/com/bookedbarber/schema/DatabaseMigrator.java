package com.bookedbarber.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the Flyway migrations packaged in this module (primary, outbox and projection tables). */
public final class DatabaseMigrator {
    public static final String LOCATION = "classpath:db/migration";

    private DatabaseMigrator() {
    }

    public static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                // several instances may start at once; Flyway serialises them with an advisory lock
                .load()
                .migrate();
    }
}
