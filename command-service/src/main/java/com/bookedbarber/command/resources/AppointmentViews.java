package com.bookedbarber.command.resources;

import com.bookedbarber.api.appointments.AppointmentView;
import com.bookedbarber.api.payments.RefundView;
import com.bookedbarber.command.core.Appointment;
import com.bookedbarber.command.core.BookedAppointment;
import java.time.LocalDateTime;

final class AppointmentViews {
    private AppointmentViews() {
    }

    static AppointmentView of(BookedAppointment booked) {
        return of(booked, null);
    }

    static AppointmentView of(BookedAppointment booked, RefundView refund) {
        Appointment a = booked.appointment();
        return new AppointmentView(a.id(), a.locationId(), a.barberId(), a.serviceId(), a.clientId(), a.start(),
                a.end(), LocalDateTime.ofInstant(a.start(), booked.timezone()), booked.timezone().getId(),
                a.status().wireName(), a.priceCents(), a.currency(), a.version(), a.confirmationCode(), a.notes(),
                a.createdAt(), a.updatedAt(), refund);
    }
}
