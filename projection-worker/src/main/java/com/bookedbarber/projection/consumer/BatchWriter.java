package com.bookedbarber.projection.consumer;

import com.bookedbarber.projection.core.CountedAppointment;
import com.bookedbarber.projection.core.HourlyColumn;
import com.bookedbarber.projection.core.ProjectionBatch;
import com.bookedbarber.projection.db.ProjectionDao;
import com.bookedbarber.projection.db.RevenueDao;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes a folded batch: one array-bound statement per table, none for a table the batch did not touch. */
final class BatchWriter {
    private BatchWriter() {
    }

    static void write(ProjectionDao projection, RevenueDao revenue, ProjectionBatch batch) {
        List<CountedAppointment> appointments = new ArrayList<>(batch.changedAppointments());
        if (!appointments.isEmpty()) {
            projection.saveAppointments(
                    appointments.stream().map(CountedAppointment::appointmentId).toArray(UUID[]::new),
                    appointments.stream().map(CountedAppointment::locationId).toArray(UUID[]::new),
                    appointments.stream().map(a -> a.hour().date().toString()).toArray(String[]::new),
                    appointments.stream().map(a -> a.hour().hour()).toArray(Integer[]::new),
                    appointments.stream().map(a -> a.column().name()).toArray(String[]::new),
                    appointments.stream().map(CountedAppointment::version).toArray(Long[]::new));
        }
        // additions first (they may create the row), then subtractions from rows that exist
        var added = cells(batch, +1);
        if (!added.isEmpty()) {
            projection.addHourly(locations(added), dates(added), hours(added),
                    column(added, HourlyColumn.BOOKED, +1), column(added, HourlyColumn.CANCELLED, +1),
                    column(added, HourlyColumn.COMPLETED, +1), column(added, HourlyColumn.NO_SHOW, +1));
        }
        var taken = cells(batch, -1);
        if (!taken.isEmpty()) {
            int updated = projection.subtractHourly(locations(taken), dates(taken), hours(taken),
                    column(taken, HourlyColumn.BOOKED, -1), column(taken, HourlyColumn.CANCELLED, -1),
                    column(taken, HourlyColumn.COMPLETED, -1), column(taken, HourlyColumn.NO_SHOW, -1));
            if (updated != taken.size()) {
                throw new IllegalStateException("hourly_bookings lacks " + (taken.size() - updated)
                        + " cell(s) an appointment was counted in");
            }
        }
        var payments = new ArrayList<>(batch.changedPayments().entrySet());
        if (!payments.isEmpty()) {
            revenue.savePayments(payments.stream().map(Map.Entry::getKey).toArray(UUID[]::new),
                    payments.stream().map(Map.Entry::getValue).toArray(UUID[]::new),
                    payments.stream().map(e -> batch.paymentVersion(e.getKey())).toArray(Long[]::new));
        }
        var days = new ArrayList<>(batch.revenueDeltas().entrySet());
        if (!days.isEmpty()) {
            revenue.addRevenue(days.stream().map(e -> e.getKey().locationId()).toArray(UUID[]::new),
                    days.stream().map(e -> e.getKey().date().toString()).toArray(String[]::new),
                    days.stream().map(e -> e.getKey().currency()).toArray(String[]::new),
                    days.stream().map(e -> e.getValue().grossCents).toArray(Long[]::new),
                    days.stream().map(e -> e.getValue().refundedCents).toArray(Long[]::new),
                    days.stream().map(e -> e.getValue().payments).toArray(Integer[]::new),
                    days.stream().map(e -> e.getValue().refunds).toArray(Integer[]::new));
        }
        var locations = new ArrayList<>(batch.newestByLocation().entrySet());
        if (!locations.isEmpty()) {
            projection.touchLocations(locations.stream().map(Map.Entry::getKey).toArray(UUID[]::new),
                    locations.stream().map(e -> e.getValue().toString()).toArray(String[]::new));
        }
    }

    /** The cells with a change of that sign in any column. */
    private static List<Map.Entry<ProjectionBatch.HourCell, int[]>> cells(ProjectionBatch batch, int sign) {
        return batch.hourDeltas().entrySet().stream()
                .filter(e -> java.util.Arrays.stream(e.getValue()).anyMatch(v -> v * sign > 0)).toList();
    }

    /** The column's change of that sign as a magnitude (0 where the change has the other sign). */
    private static Integer[] column(List<Map.Entry<ProjectionBatch.HourCell, int[]>> cells, HourlyColumn column,
                                    int sign) {
        return cells.stream().map(e -> Math.max(0, e.getValue()[column.ordinal()] * sign)).toArray(Integer[]::new);
    }

    private static UUID[] locations(List<Map.Entry<ProjectionBatch.HourCell, int[]>> cells) {
        return cells.stream().map(e -> e.getKey().locationId()).toArray(UUID[]::new);
    }

    private static String[] dates(List<Map.Entry<ProjectionBatch.HourCell, int[]>> cells) {
        return cells.stream().map(e -> e.getKey().date().toString()).toArray(String[]::new);
    }

    private static Integer[] hours(List<Map.Entry<ProjectionBatch.HourCell, int[]>> cells) {
        return cells.stream().map(e -> e.getKey().hour()).toArray(Integer[]::new);
    }
}
