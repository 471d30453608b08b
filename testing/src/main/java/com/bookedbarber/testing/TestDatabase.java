package com.bookedbarber.testing;

import com.bookedbarber.schema.DatabaseMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, migrated database on a real PostgreSQL server, dropped on close. The server is the one
 * named by {@code TEST_DATABASE_URL} (a JDBC URL of any database on it, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}); without it an embedded
 * PostgreSQL 15 is started once per JVM.
 */
public final class TestDatabase implements AutoCloseable {
    private static String serverUrl;

    private final String server;
    private final String name;
    private final String jdbcUrl;

    private TestDatabase(String server, String name, String jdbcUrl) {
        this.server = server;
        this.name = name;
        this.jdbcUrl = jdbcUrl;
    }

    /** Creates a new database and applies every migration. */
    public static TestDatabase createMigrated() {
        return createMigratedOn(server());
    }

    /** As {@link #createMigrated()} on another server (a JDBC URL of any database on it), such as a throwaway one. */
    public static TestDatabase createMigratedOn(String serverUrl) {
        TestDatabase db = createEmptyOn(serverUrl);
        DatabaseMigrator.migrate(db.dataSource());
        return db;
    }

    /** Creates a new, empty database (for tests of migrating itself). */
    public static TestDatabase createEmpty() {
        return createEmptyOn(server());
    }

    private static TestDatabase createEmptyOn(String serverUrl) {
        String name = "bbtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(serverUrl, "CREATE DATABASE " + name);
        return new TestDatabase(serverUrl, name, withDatabase(serverUrl, name));
    }

    /** As {@link #createMigrated()}, dropped when the test JVM exits (after every app using it stopped). */
    public static TestDatabase createMigratedForJvm() {
        TestDatabase db = createMigrated();
        Runtime.getRuntime().addShutdownHook(new Thread(db::close));
        return db;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl);
        return ds;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    /** The single number a query answers (a count, a sum): tests check database state with it. */
    public long count(String sql) {
        try (Connection c = connect(); java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static synchronized String server() {
        if (serverUrl == null) {
            String configured = System.getenv("TEST_DATABASE_URL");
            serverUrl = configured != null && !configured.isBlank() ? configured : startEmbedded();
        }
        return serverUrl;
    }

    private static String startEmbedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temporary data folder is removed by the library
                }
            }));
            return pg.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    /** The same server URL with another database name (query parameters such as user kept). */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.lastIndexOf('/');
        if (slash < "jdbc:postgresql://".length()) {
            throw new IllegalArgumentException("not a JDBC URL with a database: " + url);
        }
        return base.substring(0, slash + 1) + database.toLowerCase(Locale.ROOT) + params;
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + url, e);
        }
    }
}
