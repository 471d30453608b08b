package com.bookedbarber.command.analytics;

import com.bookedbarber.command.core.DomainException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** An inclusive range of local dates, {@code from..to}, at most 366 days long. */
public record DateRange(LocalDate from, LocalDate to) {
    public static final int MAX_DAYS = 366;

    public static DateRange parse(String from, String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw DomainException.invalidField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw DomainException.invalidField("to", "the range may span at most " + MAX_DAYS + " days");
        }
        return new DateRange(start, end);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.malformedField(name, "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.malformedField(name, "must be a date YYYY-MM-DD");
        }
    }
}
