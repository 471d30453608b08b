package com.bookedbarber.projection.consumer;

import com.bookedbarber.api.events.AppointmentEventData;
import com.bookedbarber.api.events.EventEnvelope;
import com.bookedbarber.api.events.EventJson;
import com.bookedbarber.api.events.EventType;
import com.bookedbarber.api.events.Topics;
import com.bookedbarber.projection.core.CountedAppointment;
import com.bookedbarber.projection.core.HourlyColumn;
import com.bookedbarber.projection.core.LocalHour;
import com.bookedbarber.projection.db.DeadLetterDao;
import com.bookedbarber.projection.db.ProjectionDao;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one event to the read models inside the caller's transaction. Duplicates (same
 * event_id) and stale events (aggregate_version not newer than the one applied) change
 * nothing; a record that cannot be understood goes to the dead-letter table.
 */
public class EventApplier {
    private static final Logger LOG = LoggerFactory.getLogger(EventApplier.class);

    private final ObjectMapper json = EventJson.newMapper();
    private final Meter applied;
    private final Meter duplicates;
    private final Meter stale;
    private final Meter deadLettered;

    public EventApplier(MetricRegistry metrics) {
        this.applied = metrics.meter("projection.events.applied");
        this.duplicates = metrics.meter("projection.events.duplicate");
        this.stale = metrics.meter("projection.events.stale");
        this.deadLettered = metrics.meter("projection.events.dead-lettered");
    }

    /** Returns the envelope when it was applied or skipped as a duplicate/stale; empty when dead-lettered. */
    public Optional<EventEnvelope> apply(Handle h, ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope;
        AppointmentEventData appointment = null;
        try {
            envelope = json.readValue(record.value(), EventEnvelope.class);
            requireEnvelope(envelope);
            if (Topics.APPOINTMENTS.equals(record.topic())) {
                appointment = json.treeToValue(envelope.data(), AppointmentEventData.class);
                requireAppointment(appointment);
            }
        } catch (IOException | IllegalArgumentException | DateTimeException | NullPointerException e) {
            deadLetter(h, record, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return Optional.empty();
        }
        ProjectionDao projection = h.attach(ProjectionDao.class);
        if (projection.markApplied(envelope.eventId()) == 0) {
            duplicates.mark();
            return Optional.of(envelope);
        }
        if (appointment != null) {
            applyAppointment(projection, envelope, appointment);
        }
        // payment events reach daily_revenue with the Read models issue; they are recorded as applied
        projection.touchLocation(envelope.locationId(), envelope.occurredAt().atOffset(ZoneOffset.UTC));
        applied.mark();
        return Optional.of(envelope);
    }

    private void applyAppointment(ProjectionDao projection, EventEnvelope envelope, AppointmentEventData data) {
        CountedAppointment next = new CountedAppointment(envelope.aggregateId(), envelope.locationId(),
                LocalHour.of(data.start(), ZoneId.of(data.timezone())), HourlyColumn.forStatus(data.status()),
                envelope.aggregateVersion());
        Optional<CountedAppointment> previous = projection.findForUpdate(envelope.aggregateId());
        if (previous.isPresent() && previous.get().version() >= next.version()) {
            stale.mark();
            return;
        }
        // events carry the whole appointment, so applying the newest state is right even after a gap
        previous.ifPresent(p -> projection.count(p, -1));
        projection.count(next, +1);
        projection.save(next);
    }

    private static void requireEnvelope(EventEnvelope e) {
        if (e.eventId() == null || e.eventType() == null || e.aggregateId() == null || e.locationId() == null
                || e.occurredAt() == null || e.data() == null || !e.data().isObject()) {
            throw new IllegalArgumentException("envelope lacks a required field");
        }
        if (e.schemaVersion() != EventEnvelope.SCHEMA_VERSION) {
            throw new IllegalArgumentException("unsupported schema_version " + e.schemaVersion());
        }
        if (EventType.parse(e.eventType()).isEmpty()) {
            throw new IllegalArgumentException("unknown event_type " + e.eventType());
        }
    }

    private static void requireAppointment(AppointmentEventData d) {
        if (d.start() == null || d.timezone() == null || d.status() == null) {
            throw new IllegalArgumentException("appointment data lacks start, timezone or status");
        }
        HourlyColumn.forStatus(d.status());
    }

    private void deadLetter(Handle h, ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warn("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
        h.attach(DeadLetterDao.class).insert(record.topic(), record.partition(), record.offset(), record.key(),
                record.value(), reason);
        deadLettered.mark();
    }
}
