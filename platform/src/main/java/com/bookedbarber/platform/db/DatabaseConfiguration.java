package com.bookedbarber.platform.db;

import io.dropwizard.db.DataSourceFactory;

/** A service configuration that owns the primary (read-write) database and can migrate it. */
public interface DatabaseConfiguration {
    DataSourceFactory getDatabase();

    /** Run the Flyway migrations before the service starts (handy locally; off in production). */
    boolean isMigrateOnStart();
}
