package com.bookedbarber.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Seeds the demo shop (demo-shop.sql); idempotent, so every restart may run it. */
final class DemoShop {
    static final String LOCATION_ID = "00000000-0000-4000-8000-000000000001";
    static final String SLUG = "demo-cuts";
    static final String CLASSIC_CUT_ID = "00000000-0000-4000-8000-000000000201";
    static final String SAM_ID = "00000000-0000-4000-8000-000000000102";

    private DemoShop() {
    }

    static void seed(DataSource db) throws IOException, SQLException {
        String sql;
        try (InputStream in = DemoShop.class.getResourceAsStream("/demo-shop.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
