package com.bookedbarber.api.events;

import java.util.Arrays;
import java.util.Optional;

/** Every event type of the contract, with the topic it is published on. */
public enum EventType {
    AppointmentBooked(Topics.APPOINTMENTS),
    AppointmentRescheduled(Topics.APPOINTMENTS),
    AppointmentCancelled(Topics.APPOINTMENTS),
    AppointmentCompleted(Topics.APPOINTMENTS),
    AppointmentNoShow(Topics.APPOINTMENTS),
    PaymentCompleted(Topics.PAYMENTS),
    PaymentRefunded(Topics.PAYMENTS),
    PaymentFailed(Topics.PAYMENTS),
    PaymentDisputed(Topics.PAYMENTS);

    private final String topic;

    EventType(String topic) {
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    /** The type named by an envelope's {@code event_type}, if this version of the contract knows it. */
    public static Optional<EventType> parse(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
