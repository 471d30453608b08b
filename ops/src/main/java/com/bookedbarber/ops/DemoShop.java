package com.bookedbarber.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import com.bookedbarber.command.auth.PasswordHasher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Seeds the demo shop (demo-shop.sql); idempotent, so every restart may run it. */
final class DemoShop {
    static final String LOCATION_ID = "00000000-0000-4000-8000-000000000001";
    static final String SLUG = "demo-cuts";
    static final String CLASSIC_CUT_ID = "00000000-0000-4000-8000-000000000201";
    static final String SAM_ID = "00000000-0000-4000-8000-000000000102";
    static final String OWNER_ID = "00000000-0000-4000-8000-000000000101";
    static final String OWNER_EMAIL = "owner@demo.bookedbarber.test";
    static final String BARBER_EMAIL = "sam@demo.bookedbarber.test";
    /** Local demo only: ops/run seeds these with embedded defaults, never a production database. */
    static final String OWNER_PASSWORD = "demo-owner-password";
    static final String BARBER_PASSWORD = "demo-barber-password";

    private DemoShop() {
    }

    static void seed(DataSource db) throws IOException, SQLException {
        String sql;
        try (InputStream in = DemoShop.class.getResourceAsStream("/demo-shop.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        PasswordHasher hasher = new PasswordHasher(19_456, 2);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
            setPassword(c, OWNER_ID, hasher.hash(OWNER_PASSWORD));
            setPassword(c, SAM_ID, hasher.hash(BARBER_PASSWORD));
        }
    }

    /** Only where none is set yet, so a password changed through the API survives restarts. */
    private static void setPassword(Connection c, String userId, String hash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE users SET password_hash = ? WHERE id = ?::uuid AND password_hash IS NULL")) {
            s.setString(1, hash);
            s.setString(2, userId);
            s.executeUpdate();
        }
    }
}
