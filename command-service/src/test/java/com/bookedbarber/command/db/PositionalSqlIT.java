package com.bookedbarber.command.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bookedbarber.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Binding by name over a real PostgreSQL connection: repeated names, nulls, the types the booking uses. */
class PositionalSqlIT {
    private static TestDatabase db;

    @BeforeAll
    static void start() {
        db = TestDatabase.createEmpty();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void eachPlaceGetsItsNamesValue() throws Exception {
        UUID id = UUID.randomUUID();
        Map<String, Object> values = new HashMap<>();
        values.put("id", id);
        values.put("cents", 1250L);
        values.put("note", null);
        PositionalSql sql = PositionalSql.of("SELECT CAST(:id AS uuid), CAST(:cents AS bigint) + CAST(:cents AS bigint), "
                + "CAST(:note AS text) IS NULL, CAST(:id AS uuid) = CAST(:id AS uuid)");

        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql.sql())) {
            sql.bind(s, values);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertThat(r.getObject(1)).isEqualTo(id);
                assertThat(r.getLong(2)).isEqualTo(2500L);
                assertThat(r.getBoolean(3)).isTrue();
                assertThat(r.getBoolean(4)).isTrue();
            }
        }
    }

    @Test
    void aNameWithoutAValueIsRefusedBeforeAnythingRuns() throws Exception {
        PositionalSql sql = PositionalSql.of("SELECT CAST(:a AS int), CAST(:missing AS int)");
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql.sql())) {
            assertThatThrownBy(() -> sql.bind(s, Map.of("a", 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":missing");
        }
    }
}
