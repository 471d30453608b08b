package com.bookedbarber.command.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookedbarber.command.core.Appointment;
import com.bookedbarber.command.core.AppointmentStatus;
import com.bookedbarber.command.core.OutboxEvent;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PositionalSqlTest {
    @Test
    void everyPlaceOfANameBecomesAQuestionMarkInOrder() {
        PositionalSql sql = PositionalSql.of("SELECT * FROM t WHERE a = :a AND b = :bValue OR a = :a");

        assertThat(sql.sql()).isEqualTo("SELECT * FROM t WHERE a = ? AND b = ? OR a = ?");
        assertThat(sql.names()).containsExactly("a", "bValue", "a");
    }

    @Test
    void aPostgresCastIsNotAParameter() {
        PositionalSql sql = PositionalSql.of("SELECT :id::uuid, now()::date");

        assertThat(sql.sql()).isEqualTo("SELECT ?::uuid, now()::date");
        assertThat(sql.names()).containsExactly("id");
    }

    @Test
    void theBookingStatementHasAValueForEveryNameItUses() {
        Instant now = Instant.parse("2026-03-08T10:00:00Z");
        Appointment appointment = new Appointment(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), null, now, now.plusSeconds(1800), now.plusSeconds(2400), AppointmentStatus.CONFIRMED,
                3000, "USD", null, "ABCD2345", 1, now, now);
        OutboxEvent event = new OutboxEvent(UUID.randomUUID(), "appointments", appointment.id(), 1, "AppointmentBooked",
                appointment.locationId(), now, "{}");

        assertThat(BookingDao.values(appointment, null, null, null, event).keySet())
                .containsExactlyInAnyOrderElementsOf(Set.copyOf(BookingDao.BOOK.names()));
        assertThat(BookingDao.BOOK.sql()).doesNotContain(":locationId");
    }
}
