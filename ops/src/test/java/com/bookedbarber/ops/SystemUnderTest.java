package com.bookedbarber.ops;

import com.bookedbarber.command.CommandServiceApplication;
import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.projection.ProjectionWorkerApplication;
import com.bookedbarber.projection.ProjectionWorkerConfiguration;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.File;

/** Both services, configured by the very YAML files ops/run uses, on random ports. */
final class SystemUnderTest {
    private SystemUnderTest() {
    }

    static DropwizardAppExtension<CommandServiceConfiguration> commandService(TestDatabase db, TestKafka kafka) {
        return commandService(db.jdbcUrl(), db.jdbcUrl(), kafka);
    }

    /** With analytics reading from {@code readUrl} (a replica) and everything else on {@code primaryUrl}. */
    static DropwizardAppExtension<CommandServiceConfiguration> commandService(String primaryUrl, String readUrl,
                                                                              TestKafka kafka) {
        return new DropwizardAppExtension<>(CommandServiceApplication.class, config("command-service.yml"),
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("database.url", primaryUrl),
                ConfigOverride.config("readDatabase.url", readUrl),
                ConfigOverride.config("kafka.bootstrapServers", kafka.bootstrapServers()),
                ConfigOverride.config("outbox.pollInterval", "50ms"),
                ConfigOverride.config("auth.signingKeys[0].secret", "dGVzdC1zaWduaW5nLWtleS10aGF0LWlzLTMyLWJ5dGVzLWxvbmc="),
                ConfigOverride.config("auth.mfaEncryptionKey", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="),
                ConfigOverride.config("cardProvider.secretKey", "sk_test_end_to_end"),
                ConfigOverride.config("cardProvider.webhookSecrets[0]", "whsec_end_to_end"),
                // the tests register several accounts from one address within a minute, and the
                // Kafka-outage test books continuously from one account for half a minute
                ConfigOverride.config("rateLimits.groups.auth.requests", "1000"),
                ConfigOverride.config("rateLimits.groups.appointments.requests", "100000"));
    }

    static DropwizardAppExtension<ProjectionWorkerConfiguration> projectionWorker(TestDatabase db, TestKafka kafka) {
        return new DropwizardAppExtension<>(ProjectionWorkerApplication.class, config("projection-worker.yml"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("database.url", db.jdbcUrl()),
                ConfigOverride.config("kafka.bootstrapServers", kafka.bootstrapServers()));
    }

    private static String config(String name) {
        return new File("config", name).getAbsolutePath();
    }
}
