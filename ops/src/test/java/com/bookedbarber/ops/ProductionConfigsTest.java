package com.bookedbarber.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.projection.ProjectionWorkerConfiguration;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.File;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.Test;

/** The production configurations in ops/config/production load, validate and say what the deployment guide says. */
class ProductionConfigsTest {
    static final Map<String, String> ENVIRONMENT = Map.of(
            "DATABASE_URL", "jdbc:postgresql://primary.db.internal:5432/bookedbarber",
            "READ_DATABASE_URL", "jdbc:postgresql://replica.db.internal:5432/bookedbarber",
            "DATABASE_USER", "bookedbarber",
            "DATABASE_PASSWORD", "secret",
            "JWT_KEY_ID", "2026-11",
            "JWT_SIGNING_KEY", "dGVzdC1zaWduaW5nLWtleS10aGF0LWlzLTMyLWJ5dGVzLWxvbmc=",
            "MFA_ENCRYPTION_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
            "STRIPE_SECRET_KEY", "sk_live_x",
            "STRIPE_WEBHOOK_SECRET", "whsec_x",
            "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092,kafka-3:9092");

    static <T extends Configuration> T load(Class<T> type, String file, Map<String, String> environment) throws Exception {
        Map<String, String> values = new HashMap<>(environment);
        values.put("GRAPHITE_HOST", "graphite.internal");
        values.put("HOSTNAME", "host-1");
        StringSubstitutor substitutor = new StringSubstitutor(values);
        substitutor.setEnableSubstitutionInVariables(true);
        substitutor.setEnableUndefinedVariableException(true);
        return new YamlConfigurationFactory<>(type, Validators.newValidator(), Jackson.newObjectMapper(), "dw")
                .build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), substitutor),
                        new File("config/production", file).getPath());
    }

    @Test
    void commandServiceRunsStatelessBehindALoadBalancer() throws Exception {
        CommandServiceConfiguration config = load(CommandServiceConfiguration.class, "command-service.yml", ENVIRONMENT);

        assertThat(config.isMigrateOnStart()).isFalse();
        assertThat(config.getReadDatabase().getUrl()).contains("replica");
        assertThat(config.getKafka().getReplicationFactor()).isEqualTo((short) 3);
        assertThat(config.getKafka().isCreateTopics()).isFalse();
        DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
        assertThat(server.getMaxThreads()).isEqualTo(200);
        assertThat(config.getMetricsFactory().getReporters()).hasSize(1);
    }

    @Test
    void projectionWorkerCommitsToThePrimary() throws Exception {
        ProjectionWorkerConfiguration config = load(ProjectionWorkerConfiguration.class, "projection-worker.yml", ENVIRONMENT);

        assertThat(config.getDatabase().getUrl()).contains("primary");
        assertThat(config.getKafka().getReplicationFactor()).isEqualTo((short) 3);
        assertThat(config.getMetricsFactory().getReporters()).hasSize(1);
    }

    @Test
    void poolsSmallerThanDropwizardsDefaultMinimumAreAccepted() throws Exception {
        // Dropwizard keeps 10 idle connections by default and refuses a maxSize below that
        Map<String, String> smallPools = new HashMap<>(ENVIRONMENT);
        smallPools.put("DATABASE_POOL_SIZE", "4");
        smallPools.put("READ_DATABASE_POOL_SIZE", "4");

        CommandServiceConfiguration config = load(CommandServiceConfiguration.class, "command-service.yml", smallPools);

        assertThat(config.getDatabase().getMaxSize()).isEqualTo(4);
        assertThat(config.getReadDatabase().getMaxSize()).isEqualTo(4);
    }

    @Test
    void aMissingSecretStopsTheStartInsteadOfDefaultingToEmpty() {
        Map<String, String> withoutKey = new HashMap<>(ENVIRONMENT);
        withoutKey.remove("JWT_SIGNING_KEY");

        assertThatThrownBy(() -> load(CommandServiceConfiguration.class, "command-service.yml", withoutKey))
                .hasMessageContaining("JWT_SIGNING_KEY");
    }
}
