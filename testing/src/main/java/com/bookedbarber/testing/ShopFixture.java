package com.bookedbarber.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A barbershop written straight into the primary tables, for tests that need one before the
 * catalogue endpoints exist: a location, barbers working every day 00:00-23:59, one service.
 */
public record ShopFixture(UUID locationId, String timezone, List<UUID> barberIds, UUID serviceId,
                          int durationMinutes, int bufferMinutes, long priceCents) {

    public static ShopFixture create(DataSource db, String timezone, int barbers, int durationMinutes,
                                     int bufferMinutes, long priceCents) {
        UUID location = UUID.randomUUID();
        UUID service = UUID.randomUUID();
        List<UUID> barberIds = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            update(c, "INSERT INTO locations (id, name, slug, timezone, currency) VALUES (?, ?, ?, ?, 'USD')",
                    location, "Shop " + location, "shop-" + location, timezone);
            for (int i = 0; i < barbers; i++) {
                UUID barber = UUID.randomUUID();
                barberIds.add(barber);
                update(c, "INSERT INTO users (id, email, name) VALUES (?, ?, ?)",
                        barber, "barber-" + barber + "@example.com", "Barber " + i);
                update(c, "INSERT INTO location_members (location_id, user_id, role) VALUES (?, ?, 'barber')",
                        location, barber);
                for (int day = 1; day <= 7; day++) {
                    update(c, "INSERT INTO barber_hours (location_id, barber_id, day_of_week, start_local, end_local) "
                            + "VALUES (?, ?, ?, '00:00', '23:59')", location, barber, day);
                }
            }
            update(c, "INSERT INTO services (id, location_id, name, duration_minutes, price_cents, buffer_minutes) "
                    + "VALUES (?, ?, 'Cut', ?, ?, ?)", service, location, durationMinutes, priceCents, bufferMinutes);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the shop fixture", e);
        }
        barberIds.sort(null);
        return new ShopFixture(location, timezone, List.copyOf(barberIds), service, durationMinutes, bufferMinutes,
                priceCents);
    }

    /** Makes an existing user a member of the shop with the given role. */
    public void addMember(DataSource db, UUID userId, String role) {
        try (Connection c = db.getConnection()) {
            update(c, "INSERT INTO location_members (location_id, user_id, role) VALUES (?, ?, ?)", locationId, userId, role);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }
}
