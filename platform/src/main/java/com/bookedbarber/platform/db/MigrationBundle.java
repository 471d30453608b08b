package com.bookedbarber.platform.db;

import com.bookedbarber.schema.DatabaseMigrator;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.ConfiguredBundle;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.ManagedDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adds the {@code db migrate|status} command and, when configured, migrates before the service starts. */
public final class MigrationBundle<T extends Configuration & DatabaseConfiguration> implements ConfiguredBundle<T> {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationBundle.class);

    private final Class<T> configurationClass;

    public MigrationBundle(Class<T> configurationClass) {
        this.configurationClass = configurationClass;
    }

    @Override
    public void initialize(Bootstrap<?> bootstrap) {
        bootstrap.addCommand(new DbCommand<>(configurationClass));
    }

    @Override
    public void run(T configuration, Environment environment) throws Exception {
        if (configuration.isMigrateOnStart()) {
            migrate(configuration, environment.metrics());
        }
    }

    static void migrate(DatabaseConfiguration configuration, MetricRegistry metrics)
            throws Exception {
        ManagedDataSource dataSource = configuration.getDatabase()
                .build(metrics, "migrations");
        try {
            var result = DatabaseMigrator.migrate(dataSource);
            LOG.info("database schema at version {} ({} migrations applied)",
                    result.targetSchemaVersion, result.migrationsExecuted);
        } finally {
            dataSource.stop();
        }
    }
}
