package com.bookedbarber.projection.core;

/** The hourly_bookings column an appointment counts in, by its current status. */
public enum HourlyColumn {
    BOOKED("booked"),
    CANCELLED("cancelled"),
    COMPLETED("completed"),
    NO_SHOW("no_show");

    private final String column;

    HourlyColumn(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    public static HourlyColumn forStatus(String status) {
        return switch (status) {
            case "confirmed" -> BOOKED;
            case "cancelled" -> CANCELLED;
            case "completed" -> COMPLETED;
            case "no_show" -> NO_SHOW;
            default -> throw new IllegalArgumentException("unknown appointment status " + status);
        };
    }
}
