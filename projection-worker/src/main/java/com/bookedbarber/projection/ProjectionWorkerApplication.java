package com.bookedbarber.projection;

import com.bookedbarber.api.events.Topics;
import com.bookedbarber.platform.db.BookedBarberJdbiFactory;
import com.bookedbarber.platform.db.DaoWarmup;
import com.bookedbarber.platform.db.MigrationBundle;
import com.bookedbarber.projection.db.DeadLetterDao;
import com.bookedbarber.projection.db.OffsetDao;
import com.bookedbarber.projection.db.ProjectionDao;
import com.bookedbarber.projection.db.RebuildDao;
import com.bookedbarber.projection.db.ReconcileDao;
import com.bookedbarber.projection.db.RevenueDao;
import com.bookedbarber.projection.consumer.ProjectionRebuild;
import com.bookedbarber.projection.tasks.RebuildTask;
import com.bookedbarber.projection.tasks.ReconcileTask;
import com.bookedbarber.platform.kafka.KafkaHealthCheck;
import com.bookedbarber.platform.kafka.KafkaMetricsBridge;
import com.bookedbarber.platform.kafka.ManagedAdmin;
import com.bookedbarber.platform.metrics.SlidingWindowMetricRegistry;
import com.bookedbarber.projection.consumer.DeadLetterTopic;
import com.bookedbarber.projection.consumer.EventApplier;
import com.bookedbarber.projection.consumer.ProjectionConsumer;
import com.bookedbarber.projection.consumer.ProjectionProgress;
import com.bookedbarber.projection.health.DeadLetterHealthCheck;
import com.bookedbarber.projection.health.ProjectionLagHealthCheck;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

public class ProjectionWorkerApplication extends Application<ProjectionWorkerConfiguration> {
    public static void main(String[] args) throws Exception {
        new ProjectionWorkerApplication().run(args);
    }

    @Override
    public String getName() {
        return "projection-worker";
    }

    @Override
    public void initialize(Bootstrap<ProjectionWorkerConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false, true)));
        bootstrap.addBundle(new MigrationBundle<>(ProjectionWorkerConfiguration.class));
        // timers keep a sliding window of values, not a reservoir that allocates on every update
        bootstrap.setMetricRegistry(new SlidingWindowMetricRegistry());
        // the JVM gauges (jvm.memory, jvm.gc, jvm.threads, ...) also where Dropwizard's test support
        // starts the app, which skips this step, so tests see the registry production has
        bootstrap.registerMetrics();
    }

    @Override
    public void run(ProjectionWorkerConfiguration config, Environment environment) {
        Jdbi jdbi = new BookedBarberJdbiFactory().build(environment, config.getDatabase(), "database");
        jdbi.installPlugin(new PostgresPlugin());
        DaoWarmup.warm(jdbi, ProjectionDao.class, RevenueDao.class, OffsetDao.class, DeadLetterDao.class,
                ReconcileDao.class, RebuildDao.class);

        ManagedAdmin kafkaAdmin = new ManagedAdmin(config.getKafka());
        environment.lifecycle().manage(kafkaAdmin);
        DeadLetterTopic deadLetterTopic = new DeadLetterTopic(config.getKafka().producerProperties());
        environment.lifecycle().manage(deadLetterTopic);
        ProjectionProgress progress = new ProjectionProgress(Clock.systemUTC(), environment.metrics());
        ProjectionConsumer consumer = new ProjectionConsumer(
                () -> {
                    KafkaConsumer<String, byte[]> client =
                            new KafkaConsumer<>(config.getKafka().consumerProperties(config.getConsumerGroup()));
                    KafkaMetricsBridge.register(environment.metrics(), "kafka.consumer", client.metrics());
                    return client;
                },
                List.of(Topics.APPOINTMENTS, Topics.PAYMENTS), config.getConsumerGroup(), jdbi,
                new EventApplier(environment.metrics(), deadLetterTopic), config.getPollTimeout().toJavaDuration(),
                config.getRetryBackoff().toJavaDuration(), progress);
        environment.lifecycle().manage(consumer);

        environment.admin().addTask(new ReconcileTask(jdbi));
        environment.admin().addTask(new RebuildTask(new ProjectionRebuild(jdbi,
                () -> new KafkaConsumer<>(config.getKafka().consumerProperties(config.getConsumerGroup() + "-rebuild")),
                List.of(Topics.APPOINTMENTS, Topics.PAYMENTS), config.getConsumerGroup(),
                new EventApplier(environment.metrics()))));
        environment.healthChecks().register("dead-letters", new DeadLetterHealthCheck(jdbi));

        var memory = config.getMemory().build(environment.metrics());
        environment.lifecycle().manage(memory);
        environment.healthChecks().register("memory", memory);
        environment.healthChecks().register("kafka",
                new KafkaHealthCheck(kafkaAdmin.admin(), config.getKafka().getRequestTimeout().toJavaDuration()));
        environment.healthChecks().register("projection-lag", new ProjectionLagHealthCheck(consumer, progress,
                config.getMaxTimeLag().toJavaDuration(), config.getMaxOffsetLag()));
    }
}
