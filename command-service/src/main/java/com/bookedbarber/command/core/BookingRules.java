package com.bookedbarber.command.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Where a service fits in a barber's day, all in the location's wall time and DST-correct:
 * inside a working window (buffer included), outside time off, not before now + lead time,
 * not beyond max advance, and (for offered slots) clear of other appointments and on the
 * location's slot grid. A local time that does not exist (spring forward) is never offered; one
 * that exists twice (fall back) is offered at both instants. Overlaps between appointments are
 * decided by the database when booking; availability only avoids offering taken slots.
 */
public final class BookingRules {
    private final Location location;
    private final Instant now;

    public BookingRules(Location location, Instant now) {
        this.location = location;
        this.now = now;
    }

    /** A slot offered to clients. */
    public record Slot(Instant start, LocalDateTime localStart, UUID barberId) {
    }

    /** The barber has time off overlapping the requested appointment. */
    public static DomainException timeOff() {
        return DomainException.invalid("barber_time_off", "The barber is off then");
    }

    /** Why a requested start cannot be booked for this barber, or empty when the rules allow it. */
    public Optional<DomainException> violation(Instant start, Duration blocked, List<WorkingWindow> windows,
                                               List<Interval> timeOff) {
        if (start.isBefore(now.plus(Duration.ofMinutes(location.minLeadMinutes())))) {
            return Optional.of(DomainException.invalid("before_lead_time",
                    "Book at least " + location.minLeadMinutes() + " minutes ahead"));
        }
        if (start.isAfter(now.plus(Duration.ofDays(location.maxAdvanceDays())))) {
            return Optional.of(DomainException.invalid("beyond_max_advance",
                    "Book at most " + location.maxAdvanceDays() + " days ahead"));
        }
        Instant end = start.plus(blocked);
        if (!insideWindow(start, end, windows)) {
            return Optional.of(DomainException.invalid("outside_hours", "The barber does not work then"));
        }
        if (timeOff.stream().anyMatch(t -> t.overlaps(start, end))) {
            return Optional.of(timeOff());
        }
        return Optional.empty();
    }

    /** Every free slot of the given barbers on a local date, ordered by start then barber. */
    public List<Slot> slots(LocalDate date, Duration blocked, List<UUID> barbers, List<WorkingWindow> windows,
                            List<Interval> busy) {
        ZoneId zone = location.timezone();
        int grid = location.slotMinutes();
        List<Slot> slots = new ArrayList<>();
        // each candidate is checked only against its own barber's busy time
        Map<UUID, List<Interval>> busyByBarber = busy.stream().collect(Collectors.groupingBy(Interval::barberId));
        for (UUID barber : barbers) {
            BusyTime barberBusy = new BusyTime(busyByBarber.getOrDefault(barber, List.of()));
            for (WorkingWindow w : windows) {
                if (!w.barberId().equals(barber) || w.dayOfWeek() != date.getDayOfWeek().getValue()) {
                    continue;
                }
                Instant windowStart = ZonedDateTime.of(date, w.start(), zone).toInstant();
                Instant windowEnd = ZonedDateTime.of(date, w.end(), zone).withLaterOffsetAtOverlap().toInstant();
                int firstMinute = ceilToGrid(w.start().getHour() * 60 + w.start().getMinute(), grid);
                for (int minute = firstMinute; minute < 24 * 60; minute += grid) {
                    LocalDateTime local = date.atStartOfDay().plusMinutes(minute);
                    // a gap has no valid offset (never offered); an overlap has two (both offered)
                    for (ZoneOffset offset : zone.getRules().getValidOffsets(local)) {
                        Instant start = local.toInstant(offset);
                        Instant end = start.plus(blocked);
                        if (start.isBefore(windowStart) || end.isAfter(windowEnd) || !bookableAt(start)) {
                            continue;
                        }
                        if (!barberBusy.overlaps(start, end)) {
                            slots.add(new Slot(start, local, barber));
                        }
                    }
                }
            }
        }
        slots.sort(Comparator.comparing(Slot::start).thenComparing(Slot::barberId));
        return slots;
    }

    private boolean bookableAt(Instant start) {
        return !start.isBefore(now.plus(Duration.ofMinutes(location.minLeadMinutes())))
                && !start.isAfter(now.plus(Duration.ofDays(location.maxAdvanceDays())));
    }

    private boolean insideWindow(Instant start, Instant end, List<WorkingWindow> windows) {
        ZoneId zone = location.timezone();
        LocalDate date = start.atZone(zone).toLocalDate();
        return windows.stream().filter(w -> w.dayOfWeek() == date.getDayOfWeek().getValue()).anyMatch(w -> {
            Instant windowStart = ZonedDateTime.of(date, w.start(), zone).toInstant();
            Instant windowEnd = ZonedDateTime.of(date, w.end(), zone).withLaterOffsetAtOverlap().toInstant();
            return !start.isBefore(windowStart) && !end.isAfter(windowEnd);
        });
    }

    private static int ceilToGrid(int minute, int grid) {
        return ((minute + grid - 1) / grid) * grid;
    }
}
