package com.bookedbarber.api.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * The value of every Kafka record. {@code aggregate_version} rises by one per event of an
 * aggregate; delivery is at-least-once, so consumers deduplicate by {@code event_id}.
 */
public record EventEnvelope(
        @JsonProperty("event_id") UUID eventId,
        @JsonProperty("event_type") String eventType,
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("aggregate_id") UUID aggregateId,
        @JsonProperty("aggregate_version") long aggregateVersion,
        @JsonProperty("location_id") UUID locationId,
        @JsonProperty("occurred_at") Instant occurredAt,
        @JsonProperty("data") JsonNode data) {

    public static final int SCHEMA_VERSION = 1;

    /** Kafka header names that repeat envelope fields, so consumers can route without parsing. */
    public static final String HEADER_EVENT_ID = "event_id";
    public static final String HEADER_EVENT_TYPE = "event_type";
}
