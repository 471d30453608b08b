package com.bookedbarber.command.core;

import java.time.ZoneId;

/** An appointment with the wall clock of its location, which every view of it needs. */
public record BookedAppointment(Appointment appointment, ZoneId timezone) {
}
