package com.bookedbarber.command.core;

import java.time.LocalTime;
import java.util.UUID;

/** One weekly working window of a barber, in the location's wall time (ISO day: Monday = 1). */
public record WorkingWindow(UUID barberId, int dayOfWeek, LocalTime start, LocalTime end) {
}
