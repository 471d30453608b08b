package com.bookedbarber.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookedbarber.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class DatabaseWaitsTest {
    @Test
    void namesWhatTheActiveBackendsWaitedOn() throws Exception {
        try (TestDatabase db = TestDatabase.createEmpty()) {
            String summary;
            try (DatabaseWaits waits = new DatabaseWaits(db.jdbcUrl());
                 Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("SELECT pg_sleep(0.5)");
                summary = waits.summary();
            }

            assertThat(summary).startsWith("PostgreSQL's client backends meanwhile (")
                    .containsPattern("Timeout: PgSleep \\d+%");
        }
    }
}
