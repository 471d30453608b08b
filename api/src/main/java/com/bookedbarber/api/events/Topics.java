package com.bookedbarber.api.events;

/** Kafka topic names of the event contract. Keys are the aggregate id. */
public final class Topics {
    public static final String APPOINTMENTS = "bookedbarber.appointments.v1";
    public static final String PAYMENTS = "bookedbarber.payments.v1";

    private Topics() {
    }
}
