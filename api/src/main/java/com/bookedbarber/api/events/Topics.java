package com.bookedbarber.api.events;

/** Kafka topic names of the event contract. Keys are the aggregate id. */
public final class Topics {
    public static final String APPOINTMENTS = "bookedbarber.appointments.v1";
    public static final String PAYMENTS = "bookedbarber.payments.v1";
    /** Records a consumer could not apply, with the reason in the {@code dlq.reason} header. */
    public static final String APPOINTMENTS_DLQ = deadLetters(APPOINTMENTS);
    public static final String PAYMENTS_DLQ = deadLetters(PAYMENTS);

    private Topics() {
    }

    /** The dead-letter topic of a topic. */
    public static String deadLetters(String topic) {
        return topic + ".dlq";
    }
}
