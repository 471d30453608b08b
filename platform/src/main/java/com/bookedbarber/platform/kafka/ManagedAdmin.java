package com.bookedbarber.platform.kafka;

import com.bookedbarber.api.events.Topics;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One Kafka admin client per service; creates the event topics at start when configured to. */
public final class ManagedAdmin implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(ManagedAdmin.class);

    private final KafkaFactory factory;
    private final Admin admin;

    public ManagedAdmin(KafkaFactory factory) {
        this.factory = factory;
        this.admin = Admin.create(factory.adminProperties());
    }

    public Admin admin() {
        return admin;
    }

    @Override
    public void start() {
        if (!factory.isCreateTopics()) {
            return;
        }
        List<NewTopic> topics = List.of(Topics.APPOINTMENTS, Topics.PAYMENTS, Topics.APPOINTMENTS_DLQ, Topics.PAYMENTS_DLQ).stream()
                .map(name -> new NewTopic(name, factory.getTopicPartitions(), factory.getReplicationFactor()))
                .toList();
        admin.createTopics(topics).values().forEach((name, future) -> {
            try {
                future.get();
                LOG.info("created topic {}", name);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    // not fatal: the broker may be down; the relay and consumers retry on their own
                    LOG.warn("could not create topic {}: {}", name, e.getCause().toString());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public void stop() {
        admin.close(Duration.ofSeconds(5));
    }
}
