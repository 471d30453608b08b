package com.bookedbarber.ops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookedbarber.api.events.AppointmentEventData;
import com.bookedbarber.api.events.EventEnvelope;
import com.bookedbarber.api.events.EventJson;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MarketingConsumerTest {
    static EventEnvelope event(UUID eventId, UUID appointment, String type, long version) {
        var data = new AppointmentEventData(appointment, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), Instant.now(), Instant.now(), "UTC", "completed", 3000, "USD", null, null);
        return new EventEnvelope(eventId, type, 1, appointment, version, UUID.randomUUID(), Instant.now(),
                EventJson.newMapper().valueToTree(data));
    }

    @Test
    void actsOncePerEventAndNeverOnAnOlderVersion() throws Exception {
        MarketingConsumer.Seen seen = new MarketingConsumer.Seen();
        UUID appointment = UUID.randomUUID();
        EventEnvelope completed = event(UUID.randomUUID(), appointment, "AppointmentCompleted", 2);
        assertThat(seen.firstAndNewest(completed)).isTrue();
        assertThat(seen.firstAndNewest(completed)).as("redelivery").isFalse();
        assertThat(seen.firstAndNewest(event(UUID.randomUUID(), appointment, "AppointmentBooked", 1)))
                .as("older version after a newer one").isFalse();
        assertThat(MarketingConsumer.thankYou(completed)).get().asString().contains(appointment.toString());
        assertThat(MarketingConsumer.thankYou(event(UUID.randomUUID(), appointment, "AppointmentBooked", 1))).isEmpty();
    }
}
