package com.bookedbarber.ops.examples;

import com.bookedbarber.api.events.AppointmentEventData;
import com.bookedbarber.api.events.EventEnvelope;
import com.bookedbarber.api.events.EventJson;
import com.bookedbarber.api.events.Topics;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * An example downstream consumer to copy (say, marketing sending a thank-you after a completed
 * appointment). It depends on the {@code api} jar only and shows the rules of the event contract:
 * read committed, deduplicate by event_id, ignore versions not newer than the last seen per
 * aggregate, commit offsets only after the effect. Here the memory of what was seen is a bounded
 * in-process map, which is enough for a demo; a real consumer keeps it in its own database, in the
 * same transaction as its effect.
 * <p>Run: {@code java -cp <ops classpath> com.bookedbarber.ops.examples.MarketingConsumer 127.0.0.1:9092}
 */
public final class MarketingConsumer {
    private static final ObjectMapper JSON = EventJson.newMapper();

    /** What this consumer remembers: events seen and the newest version per appointment (bounded). */
    static final class Seen {
        private final Map<UUID, Boolean> events = lru(100_000);
        private final Map<UUID, Long> versions = lru(100_000);

        /** True when the event is new and newer than anything seen for its aggregate. */
        boolean firstAndNewest(EventEnvelope e) {
            if (events.putIfAbsent(e.eventId(), Boolean.TRUE) != null) {
                return false;
            }
            Long last = versions.get(e.aggregateId());
            if (last != null && last >= e.aggregateVersion()) {
                return false;
            }
            versions.put(e.aggregateId(), e.aggregateVersion());
            return true;
        }

        private static <K, V> Map<K, V> lru(int max) {
            return new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                    return size() > max;
                }
            };
        }
    }

    /** The effect: a thank-you for a completed appointment (no contact data is in events: look it up). */
    static Optional<String> thankYou(EventEnvelope e) throws IOException {
        if (!"AppointmentCompleted".equals(e.eventType())) {
            return Optional.empty();
        }
        AppointmentEventData a = JSON.treeToValue(e.data(), AppointmentEventData.class);
        return Optional.of("thank client " + a.clientId() + " for appointment " + a.appointmentId());
    }

    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args.length > 0 ? args[0] : "127.0.0.1:9092");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "marketing-example");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Seen seen = new Seen();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.APPOINTMENTS));
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    EventEnvelope event;
                    try {
                        event = JSON.readValue(record.value(), EventEnvelope.class);
                    } catch (IOException e) {
                        System.err.println("skipping unreadable record " + record.offset() + ": " + e.getMessage());
                        continue;
                    }
                    if (seen.firstAndNewest(event)) {
                        thankYou(event).ifPresent(System.out::println);
                    }
                }
                consumer.commitSync(); // after the effects: a crash re-delivers, never skips
            }
        }
    }
}
