package com.bookedbarber.projection.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Folds a batch of new events, in their order, into what the read models must change: net
 * deltas per hourly_bookings cell and per daily_revenue day, the final memory row per aggregate,
 * and the newest event time per location. Pure: the caller loads the current memory rows first
 * and writes the result with one set-based statement per table, whatever the batch size.
 */
public final class ProjectionBatch {
    /** One hourly_bookings row's key. */
    public record HourCell(UUID locationId, LocalDate date, int hour) {
    }

    /** One daily_revenue row's key. */
    public record DayCell(UUID locationId, LocalDate date, String currency) {
    }

    /** Net change of one daily_revenue row. */
    public static final class RevenueDelta {
        public long grossCents;
        public long refundedCents;
        public int payments;
        public int refunds;
    }

    private final Map<UUID, CountedAppointment> appointments;
    private final Map<UUID, Long> paymentVersions;
    private final Map<UUID, CountedAppointment> changedAppointments = new LinkedHashMap<>();
    private final Map<UUID, UUID> changedPayments = new LinkedHashMap<>();
    private final Map<HourCell, int[]> hourDeltas = new LinkedHashMap<>();
    private final Map<DayCell, RevenueDelta> revenueDeltas = new LinkedHashMap<>();
    private final Map<UUID, Instant> newestByLocation = new HashMap<>();
    private int stale;

    /**
     * @param appointments the stored memory of the batch's appointments (absent = never counted)
     * @param paymentVersions the last applied version of the batch's payments
     */
    public ProjectionBatch(Map<UUID, CountedAppointment> appointments, Map<UUID, Long> paymentVersions) {
        this.appointments = new HashMap<>(appointments);
        this.paymentVersions = new HashMap<>(paymentVersions);
    }

    /** An appointment event: it now counts in {@code next}'s cell (moved from where it counted before). */
    public void appointment(CountedAppointment next, Instant occurredAt) {
        touch(next.locationId(), occurredAt);
        CountedAppointment previous = appointments.get(next.appointmentId());
        if (previous != null && previous.version() >= next.version()) {
            stale++;
            return;
        }
        // events carry the whole appointment, so applying the newest state is right even after a gap
        if (previous != null) {
            count(previous, -1);
        }
        count(next, +1);
        appointments.put(next.appointmentId(), next);
        changedAppointments.put(next.appointmentId(), next);
    }

    /** A payment event and what it changes in revenue (null for none: failed, disputed). */
    public void payment(UUID paymentId, UUID locationId, long version, RevenueChange change, Instant occurredAt) {
        touch(locationId, occurredAt);
        Long previous = paymentVersions.get(paymentId);
        if (previous != null && previous >= version) {
            stale++;
            return;
        }
        paymentVersions.put(paymentId, version);
        changedPayments.put(paymentId, locationId);
        if (change != null) {
            RevenueDelta delta = revenueDeltas.computeIfAbsent(
                    new DayCell(change.locationId(), change.date(), change.currency()), k -> new RevenueDelta());
            delta.grossCents += change.grossCents();
            delta.refundedCents += change.refundedCents();
            delta.payments += change.payments();
            delta.refunds += change.refunds();
        }
    }

    private void count(CountedAppointment a, int delta) {
        hourDeltas.computeIfAbsent(new HourCell(a.locationId(), a.hour().date(), a.hour().hour()),
                k -> new int[HourlyColumn.values().length])[a.column().ordinal()] += delta;
    }

    private void touch(UUID locationId, Instant occurredAt) {
        newestByLocation.merge(locationId, occurredAt, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Net change per cell, indexed by {@link HourlyColumn#ordinal()}; cells that net to zero are left out. */
    public Map<HourCell, int[]> hourDeltas() {
        Map<HourCell, int[]> nonZero = new LinkedHashMap<>();
        hourDeltas.forEach((cell, d) -> {
            for (int v : d) {
                if (v != 0) {
                    nonZero.put(cell, d);
                    return;
                }
            }
        });
        return nonZero;
    }

    public Map<DayCell, RevenueDelta> revenueDeltas() {
        return revenueDeltas;
    }

    public Collection<CountedAppointment> changedAppointments() {
        return changedAppointments.values();
    }

    /** payment id -> location id of the payments whose version moved. */
    public Map<UUID, UUID> changedPayments() {
        return changedPayments;
    }

    public long paymentVersion(UUID paymentId) {
        return paymentVersions.get(paymentId);
    }

    public Map<UUID, Instant> newestByLocation() {
        return newestByLocation;
    }

    public int stale() {
        return stale;
    }
}
