package com.bookedbarber.command.resources;

import com.bookedbarber.command.core.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Query parameters parsed with a 400 in the contract's shape when malformed. */
final class QueryParams {
    private QueryParams() {
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw DomainException.malformedField(name, "must be an id");
        }
    }

    static UUID requiredUuid(String name, String value) {
        UUID id = uuid(name, value);
        if (id == null) {
            throw DomainException.malformedField(name, "is required");
        }
        return id;
    }

    static Instant instant(String name, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw DomainException.malformedField(name, "must be an RFC 3339 date-time with offset");
        }
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.malformedField(name, "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.malformedField(name, "must be a date YYYY-MM-DD");
        }
    }

    static int intInRange(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw DomainException.malformedField(name, "must be a whole number from " + min + " to " + max);
    }
}
