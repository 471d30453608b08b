package com.bookedbarber.command.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bookedbarber.command.core.BookedAppointment;
import com.bookedbarber.command.core.DomainException;
import com.bookedbarber.command.core.NewBooking;
import com.bookedbarber.command.db.BookingDao;
import com.bookedbarber.testing.ShopFixture;
import com.bookedbarber.testing.TestDatabase;
import com.codahale.metrics.MetricRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Confirmation codes are random (about 41 bits) and unique in the database: a booking that draws
 * a code already taken draws again instead of failing, and writes nothing for the taken draw.
 */
class ConfirmationCodeCollisionIT {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    static TestDatabase db;
    static Jdbi jdbi;

    @BeforeAll
    static void start() {
        db = TestDatabase.createMigrated();
        jdbi = Jdbi.create(db.dataSource()).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void aTakenCodeIsDrawnAgain() {
        ShopFixture shop = ShopFixture.create(db.dataSource(), "UTC", 1, 30, 0, 2500);
        BookedAppointment first = service(codes("TAKEN001")).book(booking(shop, "2026-12-02T10:00:00Z"));
        BookedAppointment second = service(codes("TAKEN001", "FRESH002")).book(booking(shop, "2026-12-02T11:00:00Z"));

        assertThat(first.appointment().confirmationCode()).isEqualTo("TAKEN001");
        assertThat(second.appointment().confirmationCode()).isEqualTo("FRESH002");
        assertThat(db.count("SELECT count(*) FROM appointments WHERE location_id = '" + shop.locationId() + "'")).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM outbox WHERE location_id = '" + shop.locationId() + "'")).isEqualTo(2);
    }

    @Test
    void drawsAreBounded() {
        ShopFixture shop = ShopFixture.create(db.dataSource(), "UTC", 1, 30, 0, 2500);
        service(codes("SAME0003")).book(booking(shop, "2026-12-03T10:00:00Z"));
        BookingService unlucky = service(() -> "SAME0003");

        assertThatThrownBy(() -> unlucky.book(booking(shop, "2026-12-03T11:00:00Z")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.UNAVAILABLE);
                    assertThat(e.code()).isEqualTo("confirmation_code_unavailable");
                });
        assertThat(db.count("SELECT count(*) FROM appointments WHERE location_id = '" + shop.locationId() + "'")).isEqualTo(1);
    }

    private static BookingService service(Supplier<String> codes) {
        CatalogCache catalog = new CatalogCache(jdbi, Duration.ofMinutes(1), 100, Runnable::run);
        return new BookingService(jdbi, new BookingDao(jdbi, new MetricRegistry()), catalog,
                Clock.fixed(NOW, ZoneOffset.UTC), codes);
    }

    private static NewBooking booking(ShopFixture shop, String start) {
        return new NewBooking(shop.locationId(), shop.serviceId(), Instant.parse(start), shop.barberIds().get(0), null, null);
    }

    private static Supplier<String> codes(String... codes) {
        Iterator<String> next = List.of(codes).iterator();
        return next::next;
    }
}
