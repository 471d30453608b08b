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
        var hours = new ArrayList<>(batch.hourDeltas().entrySet());
        if (!hours.isEmpty()) {
            projection.addHourly(
                    hours.stream().map(e -> e.getKey().locationId()).toArray(UUID[]::new),
                    hours.stream().map(e -> e.getKey().date().toString()).toArray(String[]::new),
                    hours.stream().map(e -> e.getKey().hour()).toArray(Integer[]::new),
                    column(hours, HourlyColumn.BOOKED), column(hours, HourlyColumn.CANCELLED),
                    column(hours, HourlyColumn.COMPLETED), column(hours, HourlyColumn.NO_SHOW));
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

    private static Integer[] column(List<Map.Entry<ProjectionBatch.HourCell, int[]>> cells, HourlyColumn column) {
        return cells.stream().map(e -> e.getValue()[column.ordinal()]).toArray(Integer[]::new);
    }
}
