package com.bookedbarber.platform.kafka;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The {@code kafka:} section of both services' YAML. The defaults are the settings the
 * outbox relay and the projection consumer rely on; {@code producer} and {@code consumer} may
 * add client properties (TLS, SASL, tuning) but the safety settings below always win.
 */
public class KafkaFactory {
    @NotEmpty
    @JsonProperty
    private String bootstrapServers;

    @NotEmpty
    @JsonProperty
    private String clientId = "bookedbarber";

    /** Create the event topics at start-up when they are missing (local and test set-ups). */
    @JsonProperty
    private boolean createTopics = true;

    @Min(1)
    @Max(1000)
    @JsonProperty
    private int topicPartitions = 6;

    @Min(1)
    @Max(5)
    @JsonProperty
    private short replicationFactor = 1;

    /** Bound on any one blocking client call (metadata, admin, health check). */
    @NotNull
    @JsonProperty
    private Duration requestTimeout = Duration.seconds(5);

    @NotNull
    @JsonProperty
    private Map<String, String> producer = new HashMap<>();

    @NotNull
    @JsonProperty
    private Map<String, String> consumer = new HashMap<>();

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String getClientId() {
        return clientId;
    }

    public boolean isCreateTopics() {
        return createTopics;
    }

    public int getTopicPartitions() {
        return topicPartitions;
    }

    public short getReplicationFactor() {
        return replicationFactor;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    /** An idempotent producer: acks=all, ordered per partition, retries without duplicates. */
    public Properties producerProperties() {
        Properties props = new Properties();
        props.putAll(producer);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-producer");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // send() must never block a caller for long while the broker is away
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) requestTimeout.toMilliseconds());
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestTimeout.toMilliseconds());
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    /**
     * A consumer whose progress lives in our database, not in Kafka: auto-commit is off and it
     * reads only committed records.
     */
    public Properties consumerProperties(String groupId) {
        Properties props = new Properties();
        props.putAll(consumer);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-consumer");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    public Properties adminProperties() {
        Properties props = new Properties();
        props.putAll(producer);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-admin");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestTimeout.toMilliseconds());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) requestTimeout.toMilliseconds());
        return props;
    }
}
