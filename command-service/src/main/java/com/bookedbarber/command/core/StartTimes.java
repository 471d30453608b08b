package com.bookedbarber.command.core;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parses a requested start: RFC 3339 with an offset, on a whole minute. */
public final class StartTimes {
    private StartTimes() {
    }

    public static Instant parse(String field, String value) {
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalidField(field, "must be an RFC 3339 date-time with offset, e.g. 2026-03-08T14:30:00-05:00");
        }
        if (parsed.getSecond() != 0 || parsed.getNano() != 0) {
            throw DomainException.invalidField(field, "must be a whole minute (no seconds)");
        }
        return parsed.toInstant();
    }
}
