package com.bookedbarber.projection.consumer;

import com.bookedbarber.api.events.AppointmentEventData;
import com.bookedbarber.api.events.EventEnvelope;
import com.bookedbarber.api.events.EventJson;
import com.bookedbarber.api.events.EventType;
import com.bookedbarber.api.events.PaymentEventData;
import com.bookedbarber.api.events.Topics;
import com.bookedbarber.projection.core.CountedAppointment;
import com.bookedbarber.projection.core.HourlyColumn;
import com.bookedbarber.projection.core.LocalHour;
import com.bookedbarber.projection.core.ProjectionBatch;
import com.bookedbarber.projection.core.RevenueChange;
import com.bookedbarber.projection.db.DeadLetterDao;
import com.bookedbarber.projection.db.ProjectionDao;
import com.bookedbarber.projection.db.RevenueDao;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a poll's records to the read models inside the caller's transaction, set-based: one
 * statement marks the batch's events applied (and tells which are duplicates), one loads the
 * memory rows of its aggregates, and one per table writes the net result. Stale events
 * (aggregate_version not newer than the one applied) change nothing; a record that cannot be
 * understood goes to the dead-letter table and the batch moves on.
 */
public class EventApplier {
    private static final Logger LOG = LoggerFactory.getLogger(EventApplier.class);

    /** A record understood: its envelope, the typed data of its topic, and where it came from. */
    private record Parsed(EventEnvelope envelope, AppointmentEventData appointment, PaymentEventData payment,
                          TopicPartition partition) {
    }

    private final ObjectMapper json = EventJson.newMapper();
    private final Meter applied;
    private final Meter duplicates;
    private final Meter stale;
    private final Meter deadLettered;

    /** Dead letters recorded in the open transaction, to copy to their topic once it commits. */
    private record Pending(ConsumerRecord<String, byte[]> record, String reason) {
    }

    private final DeadLetterTopic deadLetterTopic;
    private final List<Pending> uncommitted = new ArrayList<>();

    public EventApplier(MetricRegistry metrics) {
        this(metrics, null);
    }

    /** With {@code deadLetterTopic} null, dead letters go to the table only. */
    public EventApplier(MetricRegistry metrics, DeadLetterTopic deadLetterTopic) {
        this.deadLetterTopic = deadLetterTopic;
        this.applied = metrics.meter("projection.events.applied");
        this.duplicates = metrics.meter("projection.events.duplicate");
        this.stale = metrics.meter("projection.events.stale");
        this.deadLettered = metrics.meter("projection.events.dead-lettered");
    }

    /** Applies the records; returns occurred_at of the newest event understood, per partition. */
    public Map<TopicPartition, Instant> apply(Handle h, List<ConsumerRecord<String, byte[]>> records) {
        Map<UUID, Parsed> unique = new LinkedHashMap<>();
        int understood = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<Parsed> parsed = parse(h, record);
            if (parsed.isPresent()) {
                understood++;
                unique.putIfAbsent(parsed.get().envelope().eventId(), parsed.get());
            }
        }
        if (unique.isEmpty()) {
            return Map.of();
        }
        ProjectionDao projection = h.attach(ProjectionDao.class);
        RevenueDao revenue = h.attach(RevenueDao.class);
        Set<UUID> fresh = new HashSet<>(projection.markApplied(unique.keySet().toArray(UUID[]::new)));
        List<Parsed> toApply = unique.values().stream().filter(p -> fresh.contains(p.envelope().eventId())).toList();
        duplicates.mark(understood - toApply.size());

        UUID[] appointmentIds = ids(toApply, p -> p.appointment() != null);
        UUID[] paymentIds = ids(toApply, p -> p.payment() != null);
        Map<UUID, CountedAppointment> counted = appointmentIds.length == 0 ? Map.of()
                : projection.lockAppointments(appointmentIds).stream()
                        .collect(Collectors.toMap(CountedAppointment::appointmentId, Function.identity()));
        Map<UUID, Long> paymentVersions = paymentIds.length == 0 ? Map.of()
                : revenue.lockPayments(paymentIds).stream()
                        .collect(Collectors.toMap(RevenueDao.PaymentVersion::paymentId, RevenueDao.PaymentVersion::version));
        ProjectionBatch batch = new ProjectionBatch(counted, paymentVersions);
        for (Parsed p : toApply) {
            EventEnvelope e = p.envelope();
            if (p.appointment() != null) {
                AppointmentEventData d = p.appointment();
                batch.appointment(new CountedAppointment(e.aggregateId(), e.locationId(),
                        LocalHour.of(d.start(), ZoneId.of(d.timezone())), HourlyColumn.forStatus(d.status()),
                        e.aggregateVersion()), e.occurredAt());
            } else if (p.payment() != null) {
                batch.payment(e.aggregateId(), e.locationId(), e.aggregateVersion(), revenueChange(e, p.payment()),
                        e.occurredAt());
            }
        }
        BatchWriter.write(projection, revenue, batch);
        stale.mark(batch.stale());
        applied.mark(toApply.size() - batch.stale());
        Map<TopicPartition, Instant> newest = new java.util.HashMap<>();
        unique.values().forEach(p -> newest.merge(p.partition(), p.envelope().occurredAt(),
                (a, b) -> a.isAfter(b) ? a : b));
        return newest;
    }

    /** The transaction that recorded the dead letters committed: copy them to their topics. */
    void committed() {
        if (deadLetterTopic != null) {
            uncommitted.forEach(p -> deadLetterTopic.publish(p.record(), p.reason()));
        }
        uncommitted.clear();
    }

    /** It rolled back: they will be recorded again when the records are applied again. */
    void rolledBack() {
        uncommitted.clear();
    }

    /** Gross on the local day the payment completed; a refund on the local day it was made. */
    static RevenueChange revenueChange(EventEnvelope e, PaymentEventData d) {
        ZoneId zone = ZoneId.of(d.timezone());
        return switch (EventType.parse(e.eventType()).orElseThrow()) {
            case PaymentCompleted -> new RevenueChange(e.locationId(),
                    (d.completedAt() == null ? e.occurredAt() : d.completedAt()).atZone(zone).toLocalDate(),
                    d.currency(), d.amountCents(), 0, 1, 0);
            case PaymentRefunded -> new RevenueChange(e.locationId(),
                    (d.refundedAt() == null ? e.occurredAt() : d.refundedAt()).atZone(zone).toLocalDate(),
                    d.currency(), 0, d.refundAmountCents(), 0, 1);
            default -> null; // failed, disputed: no money moved
        };
    }

    private static UUID[] ids(List<Parsed> parsed, java.util.function.Predicate<Parsed> which) {
        return parsed.stream().filter(which).map(p -> p.envelope().aggregateId()).distinct().toArray(UUID[]::new);
    }

    private Optional<Parsed> parse(Handle h, ConsumerRecord<String, byte[]> record) {
        try {
            EventEnvelope envelope = json.readValue(record.value(), EventEnvelope.class);
            requireEnvelope(envelope);
            if (Topics.APPOINTMENTS.equals(record.topic())) {
                AppointmentEventData data = json.treeToValue(envelope.data(), AppointmentEventData.class);
                requireAppointment(data);
                return Optional.of(new Parsed(envelope, data, null, partitionOf(record)));
            }
            if (Topics.PAYMENTS.equals(record.topic())) {
                PaymentEventData data = json.treeToValue(envelope.data(), PaymentEventData.class);
                requirePayment(envelope, data);
                return Optional.of(new Parsed(envelope, null, data, partitionOf(record)));
            }
            throw new IllegalArgumentException("unexpected topic " + record.topic());
        } catch (IOException | IllegalArgumentException | DateTimeException | NullPointerException e) {
            deadLetter(h, record, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return Optional.empty();
        }
    }

    private static TopicPartition partitionOf(ConsumerRecord<String, byte[]> record) {
        return new TopicPartition(record.topic(), record.partition());
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
        ZoneId.of(d.timezone());
        HourlyColumn.forStatus(d.status());
    }

    private static void requirePayment(EventEnvelope e, PaymentEventData d) {
        if (d.timezone() == null || d.currency() == null || !d.currency().matches("[A-Z]{3}") || d.amountCents() < 0) {
            throw new IllegalArgumentException("payment data lacks timezone or currency, or has a negative amount");
        }
        ZoneId.of(d.timezone());
        if (EventType.PaymentRefunded.name().equals(e.eventType())
                && (d.refundAmountCents() == null || d.refundAmountCents() <= 0)) {
            throw new IllegalArgumentException("PaymentRefunded without a positive refund_amount_cents");
        }
    }

    /** Keeps a record that cannot be applied, with the reason, for an operator to inspect and replay. */
    public void deadLetter(Handle h, ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warn("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
        h.attach(DeadLetterDao.class).insert(record.topic(), record.partition(), record.offset(), record.key(),
                record.value(), reason);
        deadLettered.mark();
        if (deadLetterTopic != null) {
            uncommitted.add(new Pending(record, reason));
        }
    }
}
