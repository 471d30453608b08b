package com.bookedbarber.projection.consumer;

import com.bookedbarber.api.events.AppointmentEventData;
import com.bookedbarber.api.events.EventEnvelope;
import com.bookedbarber.api.events.EventJson;
import com.bookedbarber.api.events.PaymentEventData;
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

    /**
     * A payment event. {@code at} is completed_at for PaymentCompleted and refunded_at for
     * PaymentRefunded (with {@code refund} cents of {@code amount}).
     */
    static EventEnvelope payment(String type, UUID payment, UUID location, String currency, String timezone,
                                 long amount, long refund, Instant at, long version) {
        boolean refunded = "PaymentRefunded".equals(type);
        String status = switch (type) {
            case "PaymentCompleted" -> "completed";
            case "PaymentRefunded" -> refund >= amount ? "refunded" : "partially_refunded";
            case "PaymentFailed" -> "failed";
            default -> "disputed";
        };
        var data = new PaymentEventData(payment, UUID.randomUUID(), location, UUID.randomUUID(), "cash", status,
                amount, 0, currency, timezone, amount / 5, amount - amount / 5, refunded ? refund : 0,
                refunded ? null : at, refunded ? UUID.randomUUID() : null, refunded ? refund : null,
                refunded ? refund : null, refunded ? at : null);
        return new EventEnvelope(UUID.randomUUID(), type, 1, payment, version, location, at, JSON.valueToTree(data));
    }

    void send(List<EventEnvelope> events) throws Exception {
        for (EventEnvelope e : events) {
            String topic = e.eventType().startsWith("Payment") ? Topics.PAYMENTS : Topics.APPOINTMENTS;
            producer.send(new ProducerRecord<>(topic, e.aggregateId().toString(), JSON.writeValueAsBytes(e)))
                    .get(10, TimeUnit.SECONDS);
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
