package com.bookedbarber.command;

import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.ArrayList;
import java.util.List;

/** The whole command-service on a random port, against a real database and broker. */
public final class CommandServiceTestApp {
    private CommandServiceTestApp() {
    }

    public static DropwizardAppExtension<CommandServiceConfiguration> extension(TestDatabase db, TestKafka kafka,
                                                                              ConfigOverride... more) {
        return extension(ResourceHelpers.resourceFilePath("test-command-service.yml"), db, kafka, more);
    }

    /** As above with another configuration file (the test one with a section replaced, see TestConfigs). */
    public static DropwizardAppExtension<CommandServiceConfiguration> extension(String configPath, TestDatabase db,
                                                                              TestKafka kafka, ConfigOverride... more) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("database.url", db.jdbcUrl()),
                ConfigOverride.config("readDatabase.url", db.jdbcUrl()),
                ConfigOverride.config("kafka.bootstrapServers", kafka.bootstrapServers())));
        overrides.addAll(List.of(more));
        return new DropwizardAppExtension<>(CommandServiceApplication.class, configPath,
                overrides.toArray(ConfigOverride[]::new));
    }
}
