package com.bookedbarber.command.resources;

import com.bookedbarber.command.core.Appointment;
import com.bookedbarber.command.core.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque keyset cursor: the (sort instant, id) of the last item of the previous page (an
 * appointment's start, a payment's creation).
 */
record PageCursor(Instant start, UUID id) {
    static String encode(Appointment last) {
        return encode(last.start(), last.id());
    }

    static String encode(Instant position, UUID id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((position + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static PageCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new PageCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw DomainException.malformedField("cursor", "is not a cursor this API issued");
        }
    }
}
