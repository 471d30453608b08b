package com.bookedbarber.projection.core;

import java.util.UUID;

/** Where the projection counts an appointment now, and the last aggregate version it applied. */
public record CountedAppointment(UUID appointmentId, UUID locationId, LocalHour hour, HourlyColumn column,
                                 long version) {
}
