package com.bookedbarber.ops.bench;

import com.bookedbarber.api.events.AppointmentEventData;
import com.bookedbarber.api.events.EventEnvelope;
import com.bookedbarber.api.events.EventJson;
import com.bookedbarber.api.events.PaymentEventData;
import com.bookedbarber.api.events.Topics;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Projection worker throughput: publishes a burst of contract events (bookings, completions,
 * reschedules, cash payments and refunds over 20 locations) straight to Kafka as a relay would,
 * and measures how fast the running worker applies them (rows + offsets committed), from the
 * first send to the last event recorded in projection_applied_events.
 */
public final class ProjectionBenchmark {
    private static final ObjectMapper JSON = EventJson.newMapper();

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("events", 50_000);
        String kafka = System.getProperty("kafka", "127.0.0.1:9092");
        String db = System.getProperty("db", "jdbc:postgresql://localhost:15432/postgres?user=postgres");
        List<ProducerRecord<String, byte[]>> records = generate(events);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        try (Connection c = DriverManager.getConnection(db);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            long before = count(c);
            long start = System.nanoTime();
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record);
            }
            producer.flush();
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            long applied;
            while ((applied = count(c) - before) < events && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println("| scenario | events | seconds | events/s |");
            System.out.println("| --- | ---: | ---: | ---: |");
            System.out.printf("| publish to Kafka (this JVM) | %d | %.1f | %.0f |%n", events, sendSeconds, events / sendSeconds);
            System.out.printf("| applied by the worker (first send to last commit) | %d | %.1f | %.0f |%n",
                    applied, seconds, applied / seconds);
            if (applied < events) {
                System.out.println("only " + applied + " of " + events + " applied within 5 minutes");
                System.exit(1);
            }
        }
    }

    private static long count(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM projection_applied_events")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Per appointment: booked, then half are rescheduled and then completed; a third are paid in cash. */
    private static List<ProducerRecord<String, byte[]>> generate(int events) throws Exception {
        List<UUID> locations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            locations.add(UUID.randomUUID());
        }
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events);
        Instant base = Instant.parse("2027-01-04T14:00:00Z");
        int n = 0;
        while (records.size() < events) {
            UUID appointment = UUID.randomUUID();
            UUID location = locations.get(n % locations.size());
            Instant start = base.plus(Duration.ofMinutes(30L * (n % 400)));
            records.add(appointment(appointment, location, "AppointmentBooked", "confirmed", start, 1));
            if (n % 2 == 0 && records.size() < events) {
                records.add(appointment(appointment, location, "AppointmentRescheduled", "confirmed",
                        start.plus(Duration.ofDays(1)), 2));
            }
            if (n % 2 == 0 && records.size() < events) {
                records.add(appointment(appointment, location, "AppointmentCompleted", "completed",
                        start.plus(Duration.ofDays(1)), 3));
            }
            if (n % 3 == 0 && records.size() < events) {
                records.add(payment(UUID.randomUUID(), location, start));
            }
            n++;
        }
        return records;
    }

    private static ProducerRecord<String, byte[]> appointment(UUID id, UUID location, String type, String status,
                                                              Instant start, long version) throws Exception {
        var data = new AppointmentEventData(id, location, UUID.randomUUID(), UUID.randomUUID(), null, start,
                start.plus(Duration.ofMinutes(30)), "America/Chicago", status, 3000, "USD", null, null);
        var envelope = new EventEnvelope(UUID.randomUUID(), type, 1, id, version, location, Instant.now(),
                JSON.valueToTree(data));
        return new ProducerRecord<>(Topics.APPOINTMENTS, id.toString(), JSON.writeValueAsBytes(envelope));
    }

    private static ProducerRecord<String, byte[]> payment(UUID id, UUID location, Instant at) throws Exception {
        var data = new PaymentEventData(id, UUID.randomUUID(), location, UUID.randomUUID(), "cash", "completed", 3500,
                500, "USD", "America/Chicago", 600, 2900, 0, at, null, null, null, null);
        var envelope = new EventEnvelope(UUID.randomUUID(), "PaymentCompleted", 1, id, 1, location, Instant.now(),
                JSON.valueToTree(data));
        return new ProducerRecord<>(Topics.PAYMENTS, id.toString(), JSON.writeValueAsBytes(envelope));
    }
}
