package com.bookedbarber.platform.db;

import com.bookedbarber.schema.DatabaseMigrator;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.flywaydb.core.api.MigrationInfo;

/**
 * {@code db migrate config.yml} applies the schema migrations and exits; {@code db status
 * config.yml} prints every migration with its state and fails (exit status 1) when some are
 * pending, so a deployment script can check before it starts the service.
 */
final class DbCommand<T extends Configuration & DatabaseConfiguration> extends ConfiguredCommand<T> {
    private final Class<T> configurationClass;

    DbCommand(Class<T> configurationClass) {
        super("db", "Database schema: db migrate <config> | db status <config>");
        this.configurationClass = configurationClass;
    }

    @Override
    protected Class<T> getConfigurationClass() {
        return configurationClass;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("migrate", "status").help("migrate: apply; status: list");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<T> bootstrap, Namespace namespace, T configuration) throws Exception {
        if ("migrate".equals(namespace.getString("action"))) {
            MigrationBundle.migrate(configuration, new MetricRegistry());
            return;
        }
        ManagedDataSource dataSource = configuration.getDatabase().build(new MetricRegistry(), "db-status");
        try {
            var info = DatabaseMigrator.info(dataSource);
            for (MigrationInfo m : info.all()) {
                System.out.printf("%-6s %-40s %s%n", m.getVersion(), m.getDescription(), m.getState().getDisplayName());
            }
            System.out.printf("current version %s, %d pending%n",
                    info.current() == null ? "none" : info.current().getVersion(), info.pending().length);
            if (info.pending().length > 0) {
                throw new IllegalStateException(info.pending().length + " migration(s) pending: run db migrate");
            }
        } finally {
            dataSource.stop();
        }
    }
}
