package com.bookedbarber.command.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BookingRulesTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final UUID BARBER = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final Duration HALF_HOUR = Duration.ofMinutes(30);

    static Location location(int leadMinutes, int maxAdvanceDays, int slotMinutes) {
        return new Location(UUID.randomUUID(), "Shop", "shop", NEW_YORK, "USD", leadMinutes, maxAdvanceDays,
                slotMinutes, 24, 50);
    }

    static WorkingWindow window(UUID barber, LocalDate day, String from, String to) {
        return new WorkingWindow(barber, day.getDayOfWeek().getValue(), LocalTime.parse(from), LocalTime.parse(to));
    }

    static List<String> locals(List<BookingRules.Slot> slots) {
        return slots.stream().map(s -> s.localStart().toLocalTime().toString()).toList();
    }

    @Test
    void afternoonSlotsOnAnOrdinaryDayAreTheLocalWallTimes() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        var rules = new BookingRules(location(0, 60, 30), Instant.parse("2026-11-29T00:00:00Z"));
        var slots = rules.slots(day, HALF_HOUR, List.of(BARBER), List.of(window(BARBER, day, "13:00", "15:00")), List.of());
        assertThat(locals(slots)).containsExactly("13:00", "13:30", "14:00", "14:30");
        assertThat(slots.get(0).start()).isEqualTo(Instant.parse("2026-12-01T18:00:00Z"));
    }

    @Test
    void springForwardNeverOffersTheMissingHourAndKeepsAfternoonRight() {
        LocalDate day = LocalDate.of(2026, 3, 8);
        var rules = new BookingRules(location(0, 60, 30), Instant.parse("2026-03-01T00:00:00Z"));
        var night = rules.slots(day, HALF_HOUR, List.of(BARBER), List.of(window(BARBER, day, "01:00", "04:00")), List.of());
        assertThat(locals(night)).containsExactly("01:00", "01:30", "03:00", "03:30");
        // the window 01:00-04:00 lasts only two real hours that night
        var afternoon = rules.slots(day, HALF_HOUR, List.of(BARBER), List.of(window(BARBER, day, "14:00", "15:00")),
                List.of());
        assertThat(afternoon.get(0).start()).isEqualTo(Instant.parse("2026-03-08T18:00:00Z"));
    }

    @Test
    void fallBackOffersTheRepeatedHourTwiceAndKeepsAfternoonRight() {
        LocalDate day = LocalDate.of(2026, 11, 1);
        var rules = new BookingRules(location(0, 60, 30), Instant.parse("2026-10-20T00:00:00Z"));
        var night = rules.slots(day, HALF_HOUR, List.of(BARBER), List.of(window(BARBER, day, "00:30", "02:00")), List.of());
        // in time order: 01:00 and 01:30 EDT, then 01:00 and 01:30 again in EST
        assertThat(locals(night)).containsExactly("00:30", "01:00", "01:30", "01:00", "01:30");
        assertThat(night.get(1).start()).isEqualTo(Instant.parse("2026-11-01T05:00:00Z"));
        assertThat(night.get(3).start()).isEqualTo(Instant.parse("2026-11-01T06:00:00Z"));
        var afternoon = rules.slots(day, HALF_HOUR, List.of(BARBER), List.of(window(BARBER, day, "14:00", "15:00")),
                List.of());
        assertThat(afternoon.get(0).start()).isEqualTo(Instant.parse("2026-11-01T19:00:00Z"));
    }

    @Test
    void buffersWindowsBusyTimeLeadAndAdvanceShapeTheSlots() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        Instant now = Instant.parse("2026-12-01T14:40:00Z"); // 09:40 in New York: earliest start 09:55
        var rules = new BookingRules(location(15, 30, 30), now);
        var windows = List.of(window(BARBER, day, "09:00", "12:00"), window(BARBER, day, "13:00", "14:00"),
                window(OTHER, day, "09:00", "11:00"));
        // 30 min service + 10 min buffer: a slot needs 40 minutes inside a window
        // busy 10:45-11:15: 10:30 and 11:00 overlap it; 11:30 would end after 12:00
        var busy = List.of(new Interval(BARBER, Instant.parse("2026-12-01T15:45:00Z"), Instant.parse("2026-12-01T16:15:00Z")));
        var slots = rules.slots(day, Duration.ofMinutes(40), List.of(BARBER, OTHER), windows, busy);
        assertThat(slots.stream().filter(s -> s.barberId().equals(BARBER)).map(s -> s.localStart().toLocalTime().toString()))
                .containsExactly("10:00", "13:00");
        assertThat(slots.stream().filter(s -> s.barberId().equals(OTHER)).map(s -> s.localStart().toLocalTime().toString()))
                .containsExactly("10:00");
        assertThat(rules.slots(LocalDate.of(2027, 1, 5), Duration.ofMinutes(40), List.of(BARBER),
                List.of(window(BARBER, LocalDate.of(2027, 1, 5), "09:00", "12:00")), List.of())).isEmpty();
    }

    @Test
    void aRequestedStartIsCheckedAgainstEveryRuleWithItsReason() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        var rules = new BookingRules(location(15, 30, 30), Instant.parse("2026-12-01T14:00:00Z"));
        var windows = List.of(window(BARBER, day, "09:00", "12:00"));
        var timeOff = List.of(new Interval(BARBER, Instant.parse("2026-12-01T16:00:00Z"), Instant.parse("2026-12-01T16:30:00Z")));
        assertThat(rules.violation(Instant.parse("2026-12-01T14:07:00Z"), HALF_HOUR, windows, timeOff)).isPresent()
                .get().extracting(DomainException::code).isEqualTo("before_lead_time");
        assertThat(rules.violation(Instant.parse("2026-12-01T15:17:00Z"), HALF_HOUR, windows, timeOff)).isEmpty();
        assertThat(rules.violation(Instant.parse("2026-12-01T16:45:00Z"), HALF_HOUR, windows, timeOff)).get()
                .extracting(DomainException::code).isEqualTo("outside_hours");
        assertThat(rules.violation(Instant.parse("2026-12-01T15:45:00Z"), HALF_HOUR, windows, timeOff)).get()
                .extracting(DomainException::code).isEqualTo("barber_time_off");
        assertThat(rules.violation(Instant.parse("2027-01-05T15:00:00Z"), HALF_HOUR, windows, timeOff)).get()
                .extracting(DomainException::code).isEqualTo("beyond_max_advance");
    }

    @Test
    void theStateMachineOnlyLeavesConfirmed() {
        for (AppointmentStatus from : AppointmentStatus.values()) {
            for (AppointmentStatus to : AppointmentStatus.values()) {
                boolean allowed = from == AppointmentStatus.CONFIRMED && to != AppointmentStatus.CONFIRMED;
                assertThat(from.canBecome(to)).as(from + " -> " + to).isEqualTo(allowed);
            }
        }
    }
}
