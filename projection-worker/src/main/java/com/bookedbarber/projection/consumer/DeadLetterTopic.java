package com.bookedbarber.projection.consumer;

import com.bookedbarber.api.events.Topics;
import io.dropwizard.lifecycle.Managed;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies dead-lettered records to {@code <topic>.dlq} (same key and value; headers
 * {@code dlq.reason}, {@code dlq.topic}, {@code dlq.partition}, {@code dlq.offset}) once the
 * transaction that recorded them in {@code projection_dead_letters} has committed. The table is
 * the record of truth; the topic lets other consumers see and replay them. Best effort: a failed
 * send is logged, never retried into a stall.
 */
public final class DeadLetterTopic implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterTopic.class);

    private final Producer<String, byte[]> producer;

    public DeadLetterTopic(Properties producerProperties) {
        Properties props = new Properties();
        props.putAll(producerProperties);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        // never hold the consume loop for long when the broker cannot take the copy
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
        this.producer = new KafkaProducer<>(props);
    }

    void publish(ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(Topics.deadLetters(record.topic()), record.key(),
                record.value());
        copy.headers().add("dlq.reason", reason.getBytes(StandardCharsets.UTF_8))
                .add("dlq.topic", record.topic().getBytes(StandardCharsets.UTF_8))
                .add("dlq.partition", String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8))
                .add("dlq.offset", String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(copy, (metadata, e) -> {
                if (e != null) {
                    LOG.warn("could not copy {}-{}@{} to its dead-letter topic: {}", record.topic(), record.partition(),
                            record.offset(), e.toString());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("could not copy {}-{}@{} to its dead-letter topic: {}", record.topic(), record.partition(),
                    record.offset(), e.toString());
        }
    }

    @Override
    public void stop() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
