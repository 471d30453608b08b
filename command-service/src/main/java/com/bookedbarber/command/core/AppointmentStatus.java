package com.bookedbarber.command.core;

import java.util.Set;

/** The appointment state machine: confirmed leads to one of three final states. */
public enum AppointmentStatus {
    CONFIRMED("confirmed"),
    COMPLETED("completed"),
    CANCELLED("cancelled"),
    NO_SHOW("no_show");

    private final String wireName;

    AppointmentStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean canBecome(AppointmentStatus next) {
        return this == CONFIRMED && Set.of(COMPLETED, CANCELLED, NO_SHOW).contains(next);
    }

    public static AppointmentStatus fromWire(String name) {
        for (AppointmentStatus s : values()) {
            if (s.wireName.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown appointment status " + name);
    }
}
