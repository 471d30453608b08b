package com.bookedbarber.projection.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProjectionBatchTest {
    static final UUID SHOP = UUID.randomUUID();
    static final LocalDate MONDAY = LocalDate.parse("2026-12-07");
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    static CountedAppointment at(UUID id, LocalDate date, int hour, HourlyColumn column, long version) {
        return new CountedAppointment(id, SHOP, new LocalHour(date, hour), column, version);
    }

    static int[] cell(ProjectionBatch batch, LocalDate date, int hour) {
        return batch.hourDeltas().get(new ProjectionBatch.HourCell(SHOP, date, hour));
    }

    @Test
    void aRescheduleAcrossDaysMovesTheCountAndAStatusChangeMovesTheColumn() {
        UUID a = UUID.randomUUID();
        ProjectionBatch batch = new ProjectionBatch(Map.of(a, at(a, MONDAY, 10, HourlyColumn.BOOKED, 1)), Map.of());
        batch.appointment(at(a, MONDAY.plusDays(1), 9, HourlyColumn.BOOKED, 2), NOW);
        batch.appointment(at(a, MONDAY.plusDays(1), 9, HourlyColumn.COMPLETED, 3), NOW);
        assertThat(cell(batch, MONDAY, 10)).containsExactly(-1, 0, 0, 0);
        assertThat(cell(batch, MONDAY.plusDays(1), 9)).containsExactly(0, 0, 1, 0);
        assertThat(batch.changedAppointments()).singleElement().extracting(CountedAppointment::version).isEqualTo(3L);
    }

    @Test
    void staleAndRepeatedVersionsChangeNothingAndCellsThatNetToZeroAreLeftOut() {
        UUID a = UUID.randomUUID();
        ProjectionBatch batch = new ProjectionBatch(Map.of(), Map.of());
        batch.appointment(at(a, MONDAY, 10, HourlyColumn.BOOKED, 1), NOW);
        batch.appointment(at(a, MONDAY, 10, HourlyColumn.CANCELLED, 2), NOW);
        batch.appointment(at(a, MONDAY, 10, HourlyColumn.BOOKED, 1), NOW);
        batch.appointment(at(a, MONDAY, 10, HourlyColumn.CANCELLED, 2), NOW);
        assertThat(cell(batch, MONDAY, 10)).containsExactly(0, 1, 0, 0);
        assertThat(batch.stale()).isEqualTo(2);

        UUID b = UUID.randomUUID();
        ProjectionBatch moved = new ProjectionBatch(Map.of(b, at(b, MONDAY, 11, HourlyColumn.BOOKED, 4)), Map.of());
        moved.appointment(at(b, MONDAY, 12, HourlyColumn.BOOKED, 5), NOW);
        moved.appointment(at(b, MONDAY, 11, HourlyColumn.BOOKED, 6), NOW);
        assertThat(moved.hourDeltas()).isEmpty();
    }

    @Test
    void revenueAddsUpPerDayAndCurrencyAndSkipsStalePaymentVersions() {
        UUID p = UUID.randomUUID();
        UUID q = UUID.randomUUID();
        ProjectionBatch batch = new ProjectionBatch(Map.of(), Map.of(q, 3L));
        batch.payment(p, SHOP, 1, new RevenueChange(SHOP, MONDAY, "USD", 4000, 0, 1, 0), NOW);
        batch.payment(p, SHOP, 2, new RevenueChange(SHOP, MONDAY.plusDays(1), "USD", 0, 500, 0, 1), NOW);
        batch.payment(p, SHOP, 2, new RevenueChange(SHOP, MONDAY.plusDays(1), "USD", 0, 500, 0, 1), NOW);
        batch.payment(q, SHOP, 3, new RevenueChange(SHOP, MONDAY, "EUR", 999, 0, 1, 0), NOW);
        batch.payment(q, SHOP, 4, null, NOW.plusSeconds(5));
        var monday = batch.revenueDeltas().get(new ProjectionBatch.DayCell(SHOP, MONDAY, "USD"));
        var tuesday = batch.revenueDeltas().get(new ProjectionBatch.DayCell(SHOP, MONDAY.plusDays(1), "USD"));
        assertThat(monday.grossCents).isEqualTo(4000);
        assertThat(monday.payments).isEqualTo(1);
        assertThat(tuesday.refundedCents).isEqualTo(500);
        assertThat(tuesday.refunds).isEqualTo(1);
        assertThat(batch.revenueDeltas()).doesNotContainKey(new ProjectionBatch.DayCell(SHOP, MONDAY, "EUR"));
        assertThat(batch.stale()).isEqualTo(2);
        assertThat(batch.paymentVersion(q)).isEqualTo(4);
        assertThat(batch.newestByLocation()).containsEntry(SHOP, NOW.plusSeconds(5));
    }
}
