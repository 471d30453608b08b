package com.bookedbarber.command.resources;

import com.bookedbarber.command.core.DomainException;

/** {@code If-Match: "3"} (or {@code 3}): the appointment version the client last saw. */
final class IfMatch {
    private IfMatch() {
    }

    static Integer version(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw DomainException.malformedField("If-Match", "must be the appointment's version, e.g. \"3\"");
        }
    }
}
