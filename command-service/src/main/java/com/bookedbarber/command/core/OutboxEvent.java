package com.bookedbarber.command.core;

import java.time.Instant;
import java.util.UUID;

/** One event as written to the outbox: routing fields plus the serialized envelope. */
public record OutboxEvent(
        UUID eventId,
        String topic,
        UUID aggregateId,
        long aggregateVersion,
        String eventType,
        UUID locationId,
        Instant occurredAt,
        String envelope) {
}
