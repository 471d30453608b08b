package com.bookedbarber.platform.db;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;

/** {@code migrate config.yml}: apply the schema migrations and exit, without starting the service. */
final class MigrateCommand<T extends Configuration & DatabaseConfiguration> extends ConfiguredCommand<T> {
    private final Class<T> configurationClass;

    MigrateCommand(Class<T> configurationClass) {
        super("migrate", "Apply the database migrations and exit");
        this.configurationClass = configurationClass;
    }

    /** The service's own configuration class (not derivable from this generic command's type). */
    @Override
    protected Class<T> getConfigurationClass() {
        return configurationClass;
    }

    @Override
    protected void run(Bootstrap<T> bootstrap, Namespace namespace, T configuration) throws Exception {
        MigrationBundle.migrate(configuration, new MetricRegistry());
    }
}
