package com.bookedbarber.projection.consumer;

import com.bookedbarber.api.events.AppointmentEventData;
import com.bookedbarber.api.events.EventEnvelope;
import com.bookedbarber.api.events.EventJson;
import com.bookedbarber.api.events.Topics;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes contract events straight to the broker, as the outbox relay would. */
final class TestEvents implements AutoCloseable {
    static final ObjectMapper JSON = EventJson.newMapper();
    private final KafkaProducer<String, byte[]> producer;

    TestEvents(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    static EventEnvelope appointment(String type, UUID appointment, UUID location, Instant start, String status,
                                     long version) {
        var data = new AppointmentEventData(appointment, location, UUID.randomUUID(), UUID.randomUUID(), null, start,
                start.plus(Duration.ofMinutes(30)), "America/New_York", status, 2500, "USD", null, null);
        return new EventEnvelope(UUID.randomUUID(), type, 1, appointment, version, location,
                Instant.parse("2026-11-29T10:00:00Z").plusSeconds(version), JSON.valueToTree(data));
    }

    void send(List<EventEnvelope> events) throws Exception {
        for (EventEnvelope e : events) {
            sendRaw(e.aggregateId().toString(), JSON.writeValueAsBytes(e));
        }
        producer.flush();
    }

    void sendRaw(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.APPOINTMENTS, key, value)).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        producer.close();
    }
}
