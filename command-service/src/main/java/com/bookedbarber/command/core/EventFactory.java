package com.bookedbarber.command.core;

import com.bookedbarber.api.events.AppointmentEventData;
import com.bookedbarber.api.events.PaymentEventData;
import com.bookedbarber.api.events.EventEnvelope;
import com.bookedbarber.api.events.EventJson;
import com.bookedbarber.api.events.EventType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** Turns domain changes into contract events, ready for the outbox. */
public final class EventFactory {
    private static final ObjectMapper JSON = EventJson.newMapper();

    private EventFactory() {
    }

    /**
     * The event of an appointment's latest change: {@code appointment.version()} is its
     * aggregate version. {@code previous} is the appointment before a reschedule, else null.
     */
    public static OutboxEvent appointment(EventType type, Appointment appointment, ZoneId timezone,
                                          Appointment previous, Instant occurredAt) {
        var data = new AppointmentEventData(
                appointment.id(), appointment.locationId(), appointment.barberId(), appointment.serviceId(),
                appointment.clientId(), appointment.start(), appointment.end(), timezone.getId(),
                appointment.status().wireName(), appointment.priceCents(), appointment.currency(),
                previous == null ? null : previous.start(),
                previous == null ? null : previous.barberId());
        return envelope(type, appointment.id(), appointment.version(), appointment.locationId(), occurredAt, data);
    }

    /** A payment event other than a refund: {@code payment.version()} is its aggregate version. */
    public static OutboxEvent payment(EventType type, Payment payment, ZoneId timezone, Instant occurredAt) {
        return envelope(type, payment.id(), payment.version(), payment.locationId(), occurredAt,
                paymentData(payment, timezone, null, null, null));
    }

    /** {@code PaymentRefunded}: the payment after the refund, and the refund itself. */
    public static OutboxEvent refunded(Payment payment, ZoneId timezone, UUID refundId, long refundCents,
                                       Instant refundedAt) {
        return envelope(EventType.PaymentRefunded, payment.id(), payment.version(), payment.locationId(), refundedAt,
                paymentData(payment, timezone, refundId, refundCents, refundedAt));
    }

    private static PaymentEventData paymentData(Payment p, ZoneId timezone, UUID refundId, Long refundCents,
                                                Instant refundedAt) {
        return new PaymentEventData(p.id(), p.appointmentId(), p.locationId(), p.barberId(), p.method(),
                p.status().wireName(), p.amountCents(), p.tipCents(), p.currency(), timezone.getId(),
                p.platformFeeCents(),
                p.barberAmountCents(), p.refundedCents(), p.completedAt(), refundId, refundCents,
                refundId == null ? null : p.refundedCents(), refundedAt);
    }

    private static OutboxEvent envelope(EventType type, UUID aggregateId, long version, UUID locationId,
                                        Instant occurredAt, Object data) {
        UUID eventId = Ids.newId();
        var envelope = new EventEnvelope(eventId, type.name(), EventEnvelope.SCHEMA_VERSION, aggregateId, version,
                locationId, occurredAt, JSON.valueToTree(data));
        try {
            return new OutboxEvent(eventId, type.topic(), aggregateId, version, type.name(), locationId, occurredAt,
                    JSON.writeValueAsString(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serializable", e);
        }
    }
}
