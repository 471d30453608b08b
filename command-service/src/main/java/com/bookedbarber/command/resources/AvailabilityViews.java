package com.bookedbarber.command.resources;

import com.bookedbarber.api.locations.AvailabilityView;
import com.bookedbarber.command.service.AvailabilityService;

final class AvailabilityViews {
    private AvailabilityViews() {
    }

    static AvailabilityView of(AvailabilityService.Day day) {
        return new AvailabilityView(day.date(), day.timezone(), day.slots().stream()
                .map(s -> new AvailabilityView.Slot(s.start(), s.localStart(), s.barberId())).toList());
    }
}
